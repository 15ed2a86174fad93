/// The colours found in an image, with what was counted and left out.
public struct Palette: Sendable, Hashable, Codable {
  /// The colours, in the requested order.
  public var colors: [PaletteColor]
  /// The k asked for (`nil` for `auto`).
  public var requestedCount: Int?
  /// Why fewer colours than asked came back, if they did.
  public var reason: String?
  /// Pixels clustered (after transparency and exclusions).
  public var pixelsClustered: Int
  /// Pixels skipped for low alpha.
  public var pixelsTransparent: Int
  /// Share of the counted pixels each exclusion removed (`white`, `black`, `border`).
  public var excludedShares: [String: Double]
  public var space: String
  public var seed: UInt64
  /// Mean squared distance from each clustered pixel (at histogram resolution) to its colour,
  /// in the clustering space (CIELAB ΔE*76², or OKLab ×100 squared).
  public var fitError: Double
}
