/// What a PNG file's header (IHDR) says.
public struct PNGHeader: Sendable, Hashable {
  public var width: Int
  public var height: Int
  /// Bits per sample: 1, 2, 4, 8 or 16.
  public var bitDepth: Int
  /// The PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.
  public var colorType: Int
  /// Whether the rows are stored Adam7-interlaced.
  public var isInterlaced: Bool
}
