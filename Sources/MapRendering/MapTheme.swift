public import LumenCore

/// The colours of a map's base: water/background, land, borders and text.
public struct MapTheme: Sendable, Hashable {
  /// The theme's name (`dark`, `light`).
  public var name: String
  public var background: RGBColor
  public var land: RGBColor
  public var border: RGBColor
  public var text: RGBColor
  public var secondaryText: RGBColor
  /// How strongly an "off" light still shows as a dot (0…1).
  public var idleDotOpacity: Double
  /// How lights are drawn: glowing (dark maps) or with a dark ring (pale maps).
  public var lightStyle: MapLightStyle

  /// A night map: deep navy sea, slate land, lights that glow.
  public static let dark = MapTheme(
    name: "dark", background: RGBColor(red: 8, green: 14, blue: 28),
    land: RGBColor(red: 27, green: 38, blue: 56), border: RGBColor(red: 58, green: 74, blue: 98),
    text: RGBColor(red: 230, green: 236, blue: 245),
    secondaryText: RGBColor(red: 128, green: 144, blue: 166),
    idleDotOpacity: 0.35, lightStyle: .glow)

  /// A day map: pale sea, warm paper land; lights are saturated dots in a dark ring, so that
  /// every one stands out from land and sea (contrast ratio ≥ 3:1).
  public static let light = MapTheme(
    name: "light", background: RGBColor(red: 214, green: 228, blue: 240),
    land: RGBColor(red: 246, green: 243, blue: 235),
    border: RGBColor(red: 172, green: 182, blue: 194),
    text: RGBColor(red: 28, green: 36, blue: 48),
    secondaryText: RGBColor(red: 96, green: 108, blue: 122),
    idleDotOpacity: 0.45, lightStyle: .outlined)

  /// The theme called `name`, or `nil`.
  /// The themes by name, as options give them.
  public enum Name: String, Sendable, Hashable, CaseIterable, Codable {
    case dark, light

    /// The theme of this name.
    public var theme: MapTheme { self == .dark ? .dark : .light }
  }

  public static func named(_ name: String) -> MapTheme? {
    [dark, light].first { $0.name == name.lowercased() }
  }
}
