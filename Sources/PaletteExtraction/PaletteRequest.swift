public import ImageIO
public import LumenCore

/// Everything ``ExtractPalette`` needs besides the image path (plain values, usable from the
/// CLI and from a tool call alike).
public struct PaletteRequest: Sendable, Hashable {
  /// Clustering options (k, space, order, seed, exclusions, exact colours).
  public var palette = PaletteOptions()
  /// About how many pixels to use: JPEGs are decoded at the reduced size nearest to it, and
  /// larger images are sampled on a regular grid down to it.
  public var pixelBudget = 500_000
  /// The first frame of an animation, or all frames.
  public var frames: ImageSource.Frames = .first
  public var limits: DecodeLimits = .default

  public init() {}

  /// Checks the values, naming the bad one.
  public func validate() throws(PaletteError) {
    if case .exactly(let k) = palette.count, !(1...64).contains(k) {
      throw .invalidOption("k \(k) is out of range: k must be 1–64 (or auto)")
    }
    if !(1_000...100_000_000).contains(pixelBudget) {
      throw .invalidOption("pixel budget \(pixelBudget) is out of range 1,000–100,000,000")
    }
    if !(1...32).contains(palette.initializations) {
      throw .invalidOption("inits \(palette.initializations) is out of range 1–32")
    }
  }
}
