internal import Foundation
internal import Drawing
public import LumenCore
internal import PNGCodec
public import Palette

/// A PNG picture of a palette: one bar per colour, as wide as its share, labelled with its hex.
public enum PaletteSwatch {
  /// Draws the swatch.
  public static func render(_ colors: [PaletteColor], size: Size = Size(width: 800, height: 160))
    throws -> RGBAImage
  {
    let canvas = try Canvas(size: size, fill: .white)
    let total = colors.reduce(0) { $0 + $1.weight }
    var x = 0
    for (i, color) in colors.enumerated() {
      let width = i == colors.count - 1
        ? size.width - x : Int((color.weight / max(total, 1e-12) * Double(size.width)).rounded())
      guard width > 0 else { continue }
      canvas.fillRectangle(PixelRect(x: x, y: 0, width: width, height: size.height), color: RGBAPixel(color.color))
      let label = color.hex
      if canvas.textWidth(label, sizePoints: 13) + 8 <= Double(width) {
        let ink: RGBAPixel = color.oklch.l > 0.6 ? RGBAPixel(.black) : RGBAPixel(.white)
        canvas.drawText(label, x: Double(x + 4), y: Double(size.height - 8), sizePoints: 13, color: ink)
      }
      x += width
    }
    try canvas.check()
    return canvas.image()
  }

  /// Draws the swatch and encodes it as PNG bytes (a few KB at the default size).
  public static func png(_ colors: [PaletteColor], size: Size = Size(width: 800, height: 160)) throws -> [UInt8] {
    try PNGFile.encode(render(colors, size: size))
  }

  /// Draws the swatch and writes it as a PNG (temporary file, then rename).
  ///
  /// - Parameters:
  ///   - inputs: Files the palette came from; `path` may be none of them.
  ///   - overwrite: Replace an existing file at `path`.
  public static func write(
    _ colors: [PaletteColor], to path: String, size: Size = Size(width: 800, height: 160),
    inputs: [String] = [], overwrite: Bool = false
  ) throws {
    try checkSwatchName(path)
    let output = try OutputFile(destination: path, inputs: inputs, overwrite: overwrite)
    let image = try render(colors, size: size)
    do {
      try PNGFile.write(image, to: output.temporaryPath)
      try output.commit()
    } catch {
      output.discard()
      throw error
    }
  }

  /// Refuses a swatch name that promises another format than PNG.
  public static func checkSwatchName(_ path: String) throws(ImagingError) {
    let pathExtension = URL(fileURLWithPath: path).pathExtension.lowercased()
    guard pathExtension == "png" else {
      throw .invalidOption(
        "\(path): a swatch is written as PNG; name it .png"
          + (pathExtension.isEmpty ? "" : " (not .\(pathExtension))"))
    }
  }
}
