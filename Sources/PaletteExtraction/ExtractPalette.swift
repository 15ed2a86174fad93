internal import ImageIO
internal import LumenCore

/// Extracts the dominant colours of an image file.
///
/// ```swift
/// var request = PaletteRequest()
/// request.palette.count = .exactly(8)
/// let report = try ExtractPalette.run(path: "photo.jpg", request: request)
/// for color in report.palette.colors { print(color.hex, color.weight) }
/// ```
public enum ExtractPalette {
  /// Reads the image, counts its pixels into a histogram and clusters them.
  ///
  /// - Throws: ``ImageReadError`` or the codec's error for unreadable, damaged or oversized
  ///   images and bad options.
  public static func run(path: String, request: PaletteRequest) throws -> PaletteReport {
    try request.validate()
    var histogram = ColorHistogram()
    var border: RGBColor?
    var sampled = 0
    let info = try ImageSource.read(
      path: path, frames: request.frames, limits: request.limits,
      reducedDecodingTarget: request.pixelBudget
    ) { image in
      let step = gridStep(pixels: image.pixelCount, budget: request.pixelBudget)
      let before = histogram.pixelsCounted + histogram.pixelsTransparent
      histogram.add(image, alphaThreshold: request.palette.alphaThreshold, step: step)
      sampled += histogram.pixelsCounted + histogram.pixelsTransparent - before
      if border == nil, request.palette.exclusions.contains(.border) {
        border = BorderColor.dominant(in: image, alphaThreshold: request.palette.alphaThreshold)
      }
    }
    guard sampled > 0 else { throw ImageReadError.noPixels(path: path) }
    let palette = PaletteExtractor.extract(
      from: histogram, options: request.palette, borderColor: border)
    return PaletteReport(path: path, image: info, pixelsSampled: sampled, palette: palette)
  }

  /// Every pixel up to twice the budget; beyond, every n-th row and column.
  static func gridStep(pixels: Int, budget: Int) -> Int {
    guard pixels > 2 * budget else { return 1 }
    return Int((Double(pixels) / Double(budget)).squareRoot().rounded(.up))
  }
}
