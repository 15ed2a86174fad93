public import LumenCore

/// One thing drawn in a chart, in pixel coordinates of the chart at scale 1; the same list is
/// drawn by cairo (PNG, PDF) and written as SVG (SVG, HTML).
public enum SceneItem: Sendable, Hashable {
  /// A filled rectangle (a bar, a heatmap cell, a legend key).
  case rect(x: Double, y: Double, width: Double, height: Double, fill: RGBAPixel, mark: SceneMark?)
  /// A polyline (axes, grid lines, series lines, box whiskers).
  case line(points: [Point], stroke: RGBAPixel, width: Double, dash: [Double], series: String?)
  /// A filled polygon (areas), in a series the legend shows and hides.
  case polygon(points: [Point], fill: RGBAPixel, series: String?)
  /// A disc with an optional outline (scatter points, line markers).
  case circle(center: Point, radius: Double, fill: RGBAPixel, stroke: RGBAPixel?, mark: SceneMark?)
  /// A pie wedge from `start` to `end` radians (clockwise from 12 o'clock).
  case wedge(
    center: Point, radius: Double, start: Double, end: Double, fill: RGBAPixel, mark: SceneMark?)
  /// One line of text, its baseline through `at`, placed by `anchor` (0 start, 0.5 middle,
  /// 1 end), turned by `rotation` degrees.
  case text(
    String, at: Point, size: Double, bold: Bool, color: RGBAPixel, anchor: Double, rotation: Double)
  /// A legend entry's group start (the SVG `g` clicked to show or hide a series).
  case legendEntry(series: String, items: [SceneItem])
}
