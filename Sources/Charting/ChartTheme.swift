public import LumenCore

/// The colours a chart is drawn in.
public enum ChartTheme: String, Sendable, Hashable, Codable, CaseIterable {
  case light, dark

  var background: RGBColor {
    self == .light
      ? RGBColor(red: 255, green: 255, blue: 255) : RGBColor(red: 24, green: 26, blue: 31)
  }
  var text: RGBColor {
    self == .light
      ? RGBColor(red: 34, green: 34, blue: 34) : RGBColor(red: 230, green: 230, blue: 230)
  }
  var mutedText: RGBColor {
    self == .light
      ? RGBColor(red: 85, green: 85, blue: 85) : RGBColor(red: 170, green: 170, blue: 170)
  }
  var grid: RGBColor {
    self == .light
      ? RGBColor(red: 229, green: 229, blue: 229) : RGBColor(red: 58, green: 61, blue: 68)
  }
  var axis: RGBColor {
    self == .light
      ? RGBColor(red: 153, green: 153, blue: 153) : RGBColor(red: 110, green: 112, blue: 118)
  }

  /// Okabe–Ito's colour-blind-safe set (black replaced by grey), in a readable order.
  static let palette: [RGBColor] = [
    RGBColor(red: 0, green: 114, blue: 178), RGBColor(red: 230, green: 159, blue: 0),
    RGBColor(red: 0, green: 158, blue: 115), RGBColor(red: 204, green: 121, blue: 167),
    RGBColor(red: 86, green: 180, blue: 233), RGBColor(red: 213, green: 94, blue: 0),
    RGBColor(red: 240, green: 228, blue: 66), RGBColor(red: 120, green: 120, blue: 120),
  ]

  /// On the dark background the same colours in another order, the light ones first (Okabe–Ito
  /// blue and vermillion are dim on near-black).
  static let darkPalette: [RGBColor] = [4, 1, 2, 3, 6, 5, 0, 7].map { palette[$0] }

  /// The colour of series `index`.
  func color(_ index: Int) -> RGBColor {
    let colors = self == .light ? Self.palette : Self.darkPalette
    return colors[index % colors.count]
  }

  /// A sequential ramp for heatmaps (light to dark blue), `t` in 0…1.
  func ramp(_ t: Double) -> RGBColor {
    let stops: [(Double, Double, Double)] =
      self == .light
      ? [(247, 251, 255), (198, 219, 239), (107, 174, 214), (33, 113, 181), (8, 48, 107)]
      : [(30, 34, 44), (22, 78, 130), (33, 113, 181), (107, 174, 214), (222, 235, 247)]
    return Self.interpolate(stops, t)
  }

  /// A diverging ramp for values on both sides of zero: red below, neutral at 0.5, blue above
  /// (ColorBrewer's RdBu), so −0.9 and 0.9 look as strong as each other and 0 looks like none.
  func divergingRamp(_ t: Double) -> RGBColor {
    let stops: [(Double, Double, Double)] =
      self == .light
      ? [(178, 24, 43), (239, 138, 98), (247, 247, 247), (103, 169, 207), (33, 102, 172)]
      : [(214, 96, 77), (150, 70, 62), (44, 48, 58), (62, 110, 150), (103, 169, 207)]
    return Self.interpolate(stops, t)
  }

  private static func interpolate(_ stops: [(Double, Double, Double)], _ t: Double) -> RGBColor {
    let clamped = Swift.min(Swift.max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
    let i = Swift.min(Int(clamped), stops.count - 2)
    let f = clamped - Double(i)
    func mix(_ a: Double, _ b: Double) -> UInt8 { UInt8((a + (b - a) * f).rounded()) }
    return RGBColor(
      red: mix(stops[i].0, stops[i + 1].0), green: mix(stops[i].1, stops[i + 1].1),
      blue: mix(stops[i].2, stops[i + 1].2))
  }
}
