internal import CCairo
public import LumenCore

extension Canvas {
  /// Fills a polygon (non-zero rule), antialiased.
  public func fillPolygon(_ points: [Point], color: RGBAPixel) {
    guard let first = points.first else { return }
    setColor(color)
    cairo_new_path(context)
    cairo_move_to(context, first.x, first.y)
    for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
    cairo_close_path(context)
    cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
    cairo_fill(context)
  }

  /// Strokes an open polyline (or closed, with `closed`), round joins; `dash` lengths in
  /// pixels for a dashed line.
  public func strokePolyline(
    _ points: [Point], color: RGBAPixel, widthPixels: Double, dash: [Double] = [],
    closed: Bool = false
  ) {
    guard let first = points.first else { return }
    setColor(color)
    cairo_new_path(context)
    cairo_move_to(context, first.x, first.y)
    for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
    if closed { cairo_close_path(context) }
    cairo_set_line_width(context, widthPixels)
    cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
    cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
    dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
    cairo_stroke(context)
    cairo_set_dash(context, nil, 0, 0)
  }

  /// Fills a rectangle given in fractional pixels.
  public func fillRectangle(x: Double, y: Double, width: Double, height: Double, color: RGBAPixel) {
    setColor(color)
    cairo_new_path(context)
    cairo_rectangle(context, x, y, width, height)
    cairo_fill(context)
  }

  /// Fills a pie wedge from angle `start` to `end` (radians, clockwise from 3 o'clock).
  public func fillWedge(center: Point, radius: Double, start: Double, end: Double, color: RGBAPixel)
  {
    setColor(color)
    cairo_new_path(context)
    cairo_move_to(context, center.x, center.y)
    cairo_arc(context, center.x, center.y, radius, start, end)
    cairo_close_path(context)
    cairo_fill(context)
  }

  /// Strokes a circle's outline.
  public func strokeCircle(center: Point, radius: Double, color: RGBAPixel, widthPixels: Double) {
    setColor(color)
    cairo_new_path(context)
    cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
    cairo_set_line_width(context, widthPixels)
    cairo_stroke(context)
  }
}
