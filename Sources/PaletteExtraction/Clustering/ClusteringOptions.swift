/// How ``PaletteClustering`` clusters: how many colours, in which space, and what to leave out.
public struct ClusteringOptions: Sendable, Hashable, Codable {
  /// How many colours to find.
  public enum Count: Sendable, Hashable, Codable {
    /// Exactly this many (fewer only when the image has fewer distinct colours).
    case exactly(Int)
    /// The smallest k in 1…16 whose RMS error is at most ``ClusteringOptions/autoThreshold``.
    case automatic
  }

  /// The space distances are measured in.
  public enum Space: String, Sendable, Hashable, Codable, CaseIterable {
    case cielab
    case oklab
  }

  /// The order of the returned colours.
  public enum Order: String, Sendable, Hashable, Codable, CaseIterable {
    case weight, lightness, hue
  }

  /// A background to remove before clustering.
  public enum Exclusion: String, Sendable, Hashable, Codable, CaseIterable {
    /// Near-white (CIELAB L* ≥ 93 and chroma ≤ 6).
    case white
    /// Near-black (L* ≤ 7).
    case black
    /// The colour of the image's border (its most common 5-bit colour), within ΔE*76 12.
    case border
  }

  public var count: Count = .exactly(5)
  public var space: Space = .cielab
  public var order: Order = .weight
  public var seed: UInt64 = 0
  /// k-means++ initialisations; the run with the lowest error wins.
  public var initializations: Int = 4
  /// Pixels with a lower alpha are not counted.
  public var alphaThreshold: UInt8 = 128
  public var exclusions: Set<Exclusion> = []
  /// Snap each colour to the nearest colour that occurs in the image.
  public var exactColors: Bool = false
  /// Centres closer than this (CIEDE2000) are merged and the slot refilled.
  public var justNoticeableDifference: Double = 2.3

  /// The RMS error (ΔE*76 in CIELAB; ×100 in OKLab) under which `-k auto` stops adding colours.
  public static let autoThreshold: Double = 8
  /// The largest k `-k auto` tries.
  public static let autoMaximum = 16

  public init() {}
}
