extension PaletteSwatch {
  /// How a swatch arranges its colours.
  public enum Layout: String, Sendable, Hashable, CaseIterable, Codable {
    /// One bar per colour, as wide as its share, labelled with its hex: across the bar when it
    /// fits, turned up the bar when the bar is narrower, below the bars when even that does
    /// not fit.
    case bars
    /// One tile per colour, in reading order, each labelled with its hex, CSS name and share.
    case grid
  }
}
