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
  public static func write(
    _ colors: [PaletteColor], to path: String, size: Size = Size(width: 800, height: 160),
    replacingExisting: Bool = true
  ) throws {
    let image = try render(colors, size: size)
    let output = try OutputFile(destination: path)
    do {
      try PNGFile.write(image, to: output.temporaryPath)
      try output.commit(replacingExisting: replacingExisting)
    } catch {
      output.discard()
      throw error
    }
  }
}
