internal import Drawing
internal import Foundation
public import LumenCore
internal import PNGCodec

/// A PNG picture of a palette: one bar per colour, as wide as its share, labelled with its hex
/// (``Layout/bars``), or a grid of tiles labelled with hex, CSS name and share
/// (``Layout/grid``). Every colour gets its label, however small its share.
///
/// ```swift
/// try PaletteSwatch.write(report.palette.colors, to: "palette.png")                  // 800×160 bars
/// try PaletteSwatch.write(report.palette.colors, to: "tiles.png", layout: .grid)      // 800 wide
/// ```
public enum PaletteSwatch {
  /// The size used when none is given: 800×160 for bars; for a grid 800 wide with a row of
  /// 100 pixels for every five colours.
  public static func defaultSize(for layout: Layout, colorCount: Int) -> Size {
    switch layout {
    case .bars: Size(width: 800, height: 160)
    case .grid: Size(width: 800, height: 100 * max(1, (colorCount + 4) / 5))
    }
  }

  /// Draws the swatch.
  ///
  /// - Parameters:
  ///   - colors: The palette, in the order to show it.
  ///   - size: The picture's size; ``defaultSize(for:colorCount:)`` when `nil`.
  ///   - layout: Bars (the default) or a grid of tiles.
  public static func render(_ colors: [PaletteColor], size: Size? = nil, layout: Layout = .bars)
    throws -> RGBAImage
  {
    let size = size ?? defaultSize(for: layout, colorCount: colors.count)
    let canvas = try Canvas(size: size, fill: .white)
    let plan = self.plan(colors, size: size, layout: layout, canvas: canvas)
    for (index, area) in plan.areas.enumerated() where area.width > 0 && area.height > 0 {
      canvas.fillRectangle(area, color: RGBAPixel(colors[index].color))
    }
    for label in plan.labels {
      if let leader = label.leader {
        canvas.strokeLine(
          from: leader.from, to: leader.to, color: RGBAPixel(label.ink), widthPixels: 1)
      }
      if label.isVertical {
        canvas.drawVerticalText(
          label.text, x: label.x, y: label.y, sizePoints: label.sizePoints,
          color: RGBAPixel(label.ink),
          bold: label.bold)
      } else {
        canvas.drawText(
          label.text, x: label.x, y: label.y, sizePoints: label.sizePoints,
          color: RGBAPixel(label.ink),
          bold: label.bold)
      }
    }
    try canvas.check()
    return canvas.image()
  }

  /// Draws the swatch and encodes it as PNG bytes (a few KB at the default size).
  public static func png(_ colors: [PaletteColor], size: Size? = nil, layout: Layout = .bars) throws
    -> [UInt8]
  {
    try PNGFile.encode(render(colors, size: size, layout: layout))
  }

  /// Draws the swatch and writes it as a PNG (temporary file, then rename).
  ///
  /// - Parameters:
  ///   - inputs: Files the palette came from; `path` may be none of them.
  ///   - overwrite: Replace an existing file at `path`.
  public static func write(
    _ colors: [PaletteColor], to path: String, size: Size? = nil, layout: Layout = .bars,
    inputs: [String] = [], overwrite: Bool = false
  ) throws {
    try checkSwatchName(path)
    let output = try OutputFile(destination: path, inputs: inputs, overwrite: overwrite)
    let image = try render(colors, size: size, layout: layout)
    try PNGFile.write(image, to: output.temporaryPath)
    try output.commit()
  }

  /// Refuses a swatch name that promises another format than PNG.
  public static func checkSwatchName(_ path: String) throws(PaletteError) {
    let pathExtension = PathName(path).pathExtension.lowercased()
    guard pathExtension == "png" else {
      throw .invalidOption(
        "\(path): a swatch is written as PNG; name it .png"
          + (pathExtension.isEmpty ? "" : " (not .\(pathExtension))"))
    }
  }
}
