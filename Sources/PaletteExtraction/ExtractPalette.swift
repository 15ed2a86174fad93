internal import ImageIO
internal import LumenCore

/// Extracts the dominant colours of an image file.
///
/// ```swift
/// var options = ExtractPaletteOptions()
/// options.clustering.count = .exactly(8)
/// let report = try ExtractPalette.run(path: "photo.jpg", options: options)
/// for color in report.palette.colors { print(color.hex, color.weight) }
/// ```
public enum ExtractPalette {
  /// Reads the image, counts its pixels into a histogram and clusters them.
  ///
  /// - Throws: ``ImageReadError`` or the codec's error for unreadable, damaged or oversized
  ///   images and bad options.
  public static func run(path: String, options: ExtractPaletteOptions) throws -> PaletteReport {
    try options.validate()
    var histogram = ColorHistogram()
    var border: RGBColor?
    var sampled = 0
    let info = try ImageSource.read(
      path: path, frames: options.frames, limits: options.limits,
      reducedDecodingTarget: options.pixelBudget, upright: false  // colours need no turn
    ) { image in
      let step = gridStep(pixels: image.pixelCount, budget: options.pixelBudget)
      let before = histogram.pixelsCounted + histogram.pixelsTransparent
      histogram.add(image, alphaThreshold: options.clustering.alphaThreshold, step: step)
      sampled += histogram.pixelsCounted + histogram.pixelsTransparent - before
      if border == nil, options.clustering.exclusions.contains(.border) {
        border = BorderColor.dominant(in: image, alphaThreshold: options.clustering.alphaThreshold)
      }
    }
    guard sampled > 0 else { throw ImageReadError.noPixels(path: path) }
    let palette = PaletteClustering.cluster(
      from: histogram, options: options.clustering, borderColor: border)
    return PaletteReport(path: path, image: info, pixelsSampled: sampled, palette: palette)
  }

  /// Every pixel up to twice the budget; beyond, every n-th row and column.
  static func gridStep(pixels: Int, budget: Int) -> Int {
    guard pixels > 2 * budget else { return 1 }
    return Int((Double(pixels) / Double(budget)).squareRoot().rounded(.up))
  }
}
