public import LumenCore

/// One colour of a palette.
public struct PaletteColor: Sendable, Hashable, Codable {
  /// `#rrggbb`.
  public var hex: String
  /// The 8-bit sRGB channels.
  public var rgb: [Int]
  /// OKLCh: lightness 0…1, chroma, hue in degrees.
  public var oklch: OKLCh
  /// The share of the clustered pixels this colour stands for; all weights sum to 1.
  public var weight: Double
  /// The nearest CSS colour name (by CIEDE2000).
  public var name: String
  /// The CIEDE2000 distance to that named colour.
  public var nameDistance: Double

  /// OKLCh coordinates.
  public struct OKLCh: Sendable, Hashable, Codable {
    public var l: Double
    public var c: Double
    public var h: Double
  }

  /// The colour as ``RGBColor``.
  public var color: RGBColor {
    RGBColor(red: UInt8(rgb[0]), green: UInt8(rgb[1]), blue: UInt8(rgb[2]))
  }
}
