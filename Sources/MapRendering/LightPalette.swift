public import Lights
public import LumenCore

/// The colours lights are drawn in: chart colours as they look at night, and the colour
/// values a `color` column may hold.
public enum LightPalette {
  /// The glow colour of a chart light colour.
  public static func color(of light: LightColor) -> RGBColor {
    switch light {
    case .white: RGBColor(red: 255, green: 226, blue: 140)  // warm lamp white
    case .red: RGBColor(red: 255, green: 72, blue: 56)
    case .green: RGBColor(red: 64, green: 255, blue: 140)
    case .yellow: RGBColor(red: 255, green: 200, blue: 40)
    case .blue: RGBColor(red: 90, green: 170, blue: 255)
    }
  }

  /// A readable name for a legend.
  public static func name(of light: LightColor) -> String {
    switch light {
    case .white: "white"
    case .red: "red"
    case .green: "green"
    case .yellow: "yellow"
    case .blue: "blue"
    }
  }

  /// A colour from a `#rrggbb` value, a chart letter (`W`, `R`, `G`, `Y`, `Bu`), a common
  /// colour word (drawn in the light colours) or any CSS colour name; `nil` when it is none.
  public static func color(named text: String) -> RGBColor? {
    if text.hasPrefix("#") { return RGBColor(hex: text) }
    let word = text.lowercased()
    if let light = LightColor.allCases.first(where: { $0.rawValue.lowercased() == word || name(of: $0) == word }) {
      return color(of: light)
    }
    switch word {
    case "orange", "amber": return RGBColor(red: 255, green: 150, blue: 40)
    case "purple", "violet": return RGBColor(red: 190, green: 110, blue: 255)
    case "cyan": return RGBColor(red: 60, green: 230, blue: 255)
    case "magenta", "pink": return RGBColor(red: 255, green: 90, blue: 200)
    default: return RGBColor(hex: text)
    }
  }
}
