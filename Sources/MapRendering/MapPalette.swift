import GIFCodec
import LumenCore

/// The GIF colour table of a map: the theme's colours with the blends antialiasing makes
/// between them, and for each light colour a ramp from the sea and from the land up to the
/// full colour — every colour the renderer can produce, or its near neighbour. A light with a
/// ring (`outlines`, light colour → ring colour) gets ramps to its ring and from it to the core.
enum MapPalette {
  static func table(
    theme: MapTheme, lightColors: [RGBColor], outlines: [RGBColor: RGBColor] = [:]
  ) -> GIFColorTable {
    var colors: [RGBColor] = [
      theme.background, theme.land, theme.border, theme.text, theme.secondaryText,
    ]
    func add(_ c: RGBColor) { if !colors.contains(c) { colors.append(c) } }
    func blends(_ a: RGBColor, _ b: RGBColor, steps: Int) {
      for s in 1..<steps { add(mix(a, b, Double(s) / Double(steps))) }
    }
    blends(theme.background, theme.land, steps: 4)
    blends(theme.land, theme.border, steps: 4)
    blends(theme.background, theme.border, steps: 4)
    blends(theme.background, theme.text, steps: 8)
    blends(theme.background, theme.secondaryText, steps: 6)
    let distinct = lightColors.reduce(into: [RGBColor]()) { if !$0.contains($1) { $0.append($1) } }
    guard !distinct.isEmpty else { return GIFColorTable(colors: colors) }
    // Split what is left between the light colours, over sea and over land.
    let budget = GIFColorTable.maximumColors - colors.count
    let rampsPerLight = outlines.isEmpty ? 2 : 5
    let steps = max(3, min(8, budget / (rampsPerLight * distinct.count)))
    for light in distinct {
      add(light)
      for base in [theme.background, theme.land] { blends(base, light, steps: steps) }
      if let ring = outlines[light] {
        add(ring)
        for base in [theme.background, theme.land] { blends(base, ring, steps: steps) }
        blends(ring, light, steps: steps)
      }
    }
    return GIFColorTable(colors: Array(colors.prefix(GIFColorTable.maximumColors)))
  }

  static func mix(_ a: RGBColor, _ b: RGBColor, _ t: Double) -> RGBColor {
    func m(_ x: UInt8, _ y: UInt8) -> UInt8 {
      UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded())
    }
    return RGBColor(red: m(a.red, b.red), green: m(a.green, b.green), blue: m(a.blue, b.blue))
  }
}
