public import Lights
public import LumenCore

/// The colours lights are drawn in: chart colours as they look at night, their saturated
/// daytime variants, and the colour values a `color` column may hold.
///
/// Every colour is the one its name says to the eye (a white light is drawn white, not as a
/// warm lamp that reads as yellow), so a legend can name what is shown.
public enum LightPalette {
  /// The glow colour of a chart light colour, for dark maps.
  public static func color(of light: LightColor) -> RGBColor {
    switch light {
    case .white: RGBColor(red: 255, green: 252, blue: 240)  // a touch warm, still white
    case .red: RGBColor(red: 255, green: 72, blue: 56)
    case .green: RGBColor(red: 64, green: 255, blue: 140)
    case .yellow: RGBColor(red: 255, green: 226, blue: 40)
    case .blue: RGBColor(red: 90, green: 170, blue: 255)
    }
  }

  /// The colour of a chart light colour on a pale map: red, green and blue dark enough to
  /// stand out from pale land on their own (contrast ratio ≥ 3:1); white and yellow cannot be,
  /// and rely on their ring (``outline(of:against:)``).
  public static func dayColor(of light: LightColor) -> RGBColor {
    switch light {
    case .white: RGBColor(red: 255, green: 255, blue: 255)
    case .red: RGBColor(red: 214, green: 34, blue: 30)
    case .green: RGBColor(red: 0, green: 146, blue: 62)
    case .yellow: RGBColor(red: 255, green: 220, blue: 0)
    case .blue: RGBColor(red: 30, green: 100, blue: 232)
    }
  }

  /// The colour of `light` in `style`: ``color(of:)`` or ``dayColor(of:)``.
  public static func color(of light: LightColor, style: MapLightStyle) -> RGBColor {
    style == .outlined ? dayColor(of: light) : color(of: light)
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

  /// The word for a colour of this palette (a chart colour, glow or day variant, or one of
  /// the extra words of ``color(named:)``), or `nil` for any other colour.
  public static func name(of color: RGBColor) -> String? {
    for light in LightColor.allCases
    where self.color(of: light) == color || dayColor(of: light) == color {
      return name(of: light)
    }
    return extraColors.first { $0.color == color }?.names[0]
  }

  /// A colour from a `#rrggbb` value, a chart letter (`W`, `R`, `G`, `Y`, `Bu`), a common
  /// colour word (drawn in the light colours) or any CSS colour name; `nil` when it is none.
  public static func color(named text: String) -> RGBColor? {
    if text.hasPrefix("#") { return RGBColor(hex: text) }
    let word = text.lowercased()
    if let light = LightColor.allCases.first(where: {
      $0.rawValue.lowercased() == word || name(of: $0) == word
    }) {
      return color(of: light)
    }
    return extraColors.first { $0.names.contains(word) }?.color ?? RGBColor(hex: text)
  }

  /// Colour words beyond the chart colours, first word the one a legend uses.
  private static let extraColors: [(names: [String], color: RGBColor)] = [
    (["orange", "amber"], RGBColor(red: 255, green: 150, blue: 40)),
    (["purple", "violet"], RGBColor(red: 190, green: 110, blue: 255)),
    (["cyan"], RGBColor(red: 60, green: 230, blue: 255)),
    (["magenta", "pink"], RGBColor(red: 255, green: 90, blue: 200)),
  ]

  // MARK: - Contrast

  /// The ring drawn around a light of colour `core` on a pale map: the same hue, its light
  /// scaled down to at most 45 % and further until its contrast ratio with every colour of
  /// `backgrounds` is at least 4.5:1 (WCAG; 3:1 is the least for a graphic object), so the
  /// light shows on land and sea alike.
  public static func outline(of core: RGBColor, against backgrounds: [RGBColor]) -> RGBColor {
    // A dark ring stands out least from the darkest of the (pale) backgrounds.
    let darkest = backgrounds.map(relativeLuminance).min() ?? 1
    func scaled(_ factor: Double) -> RGBColor {
      func channel(_ value: UInt8) -> UInt8 {
        UInt8((encode(linearize(value) * factor) * 255).rounded())
      }
      return RGBColor(red: channel(core.red), green: channel(core.green), blue: channel(core.blue))
    }
    func isEnough(_ factor: Double) -> Bool {
      (darkest + 0.05) / (relativeLuminance(scaled(factor)) + 0.05) >= 4.5
    }
    // The largest factor that is enough (black, factor 0, when none is).
    var enough = 0.0
    var tooLight = 1.0
    if isEnough(1) { enough = 1 }
    for _ in 0..<20 where enough < tooLight {
      let middle = (enough + tooLight) / 2
      if isEnough(middle) { enough = middle } else { tooLight = middle }
    }
    return scaled(min(enough, 0.45))
  }

  /// The WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white).
  public static func relativeLuminance(_ color: RGBColor) -> Double {
    0.2126 * linearize(color.red) + 0.7152 * linearize(color.green)
      + 0.0722 * linearize(color.blue)
  }

  /// The WCAG 2 contrast ratio of two colours, 1 (the same) to 21 (black on white).
  public static func contrastRatio(_ a: RGBColor, _ b: RGBColor) -> Double {
    let la = relativeLuminance(a)
    let lb = relativeLuminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
  }

  private static func linearize(_ value: UInt8) -> Double {
    let c = Double(value) / 255
    return c <= 0.04045 ? c / 12.92 : _pow((c + 0.055) / 1.055, 2.4)
  }

  private static func encode(_ linear: Double) -> Double {
    let c = min(max(linear, 0), 1)
    return c <= 0.0031308 ? 12.92 * c : 1.055 * _pow(c, 1 / 2.4) - 0.055
  }
}

#if canImport(Glibc)
  import Glibc
  private func _pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
#elseif canImport(Darwin)
  import Darwin
  private func _pow(_ x: Double, _ y: Double) -> Double { Darwin.pow(x, y) }
#endif
