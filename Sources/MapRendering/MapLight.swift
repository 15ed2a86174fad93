import Lights
import LumenCore

/// One point ready to draw: its pixel, its schedule, its colour and its glow.
struct MapLight: Sendable {
  var x: Int
  var y: Int
  var schedule: BlinkSchedule
  /// A fixed colour (from the data), else the schedule's colour at each moment.
  var fixedColor: RGBColor?
  var spriteIndex: Int
  /// The theme's way of drawing lights, which picks the palette.
  var style: MapLightStyle = .glow

  func color(atSeconds t: Double) -> RGBColor {
    fixedColor ?? LightPalette.color(of: schedule.color(atSeconds: t), style: style)
  }
}
