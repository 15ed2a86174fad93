internal import Drawing
internal import LumenCore

/// Draws a scene with cairo (and Pango for text) on a canvas: a PNG's pixels or a PDF page.
enum CairoSceneRenderer {
  static func draw(_ scene: ChartScene, on canvas: borrowing Canvas, scale: Double) {
    let items = scene.items
    var i = 0
    while i < items.count {
      // A run of filled circles alike (a scatter's markers) is stamped in one call.
      if case .circle(_, let radius, let fill, nil, _) = items[i], fill.alpha > 0 {
        var centers: [Point] = []
        var j = i
        while j < items.count, case .circle(let center, radius, fill, nil, _) = items[j] {
          centers.append(Point(x: center.x * scale, y: center.y * scale))
          j += 1
        }
        if centers.count >= 16 {
          canvas.fillDiscs(centers: centers, radius: radius * scale, color: fill)
          i = j
          continue
        }
      }
      draw(items[i], on: canvas, scale: scale)
      i += 1
    }
  }

  private static func draw(_ item: SceneItem, on canvas: borrowing Canvas, scale s: Double) {
    func p(_ point: Point) -> Point { Point(x: point.x * s, y: point.y * s) }
    switch item {
    case .rect(let x, let y, let width, let height, let fill, _):
      canvas.fillRectangle(x: x * s, y: y * s, width: width * s, height: height * s, color: fill)
    case .line(let points, let stroke, let width, let dash, _):
      canvas.strokePolyline(
        points.map(p), color: stroke, widthPixels: width * s, dash: dash.map { $0 * s })
    case .polygon(let points, let fill, _):
      canvas.fillPolygon(points.map(p), color: fill)
    case .circle(let center, let radius, let fill, let stroke, _):
      if fill.alpha > 0 {
        canvas.fillCircle(
          centerX: center.x * s, centerY: center.y * s, radius: radius * s, color: fill)
      }
      if let stroke {
        canvas.strokeCircle(center: p(center), radius: radius * s, color: stroke, widthPixels: s)
      }
    case .wedge(let center, let radius, let start, let end, let fill, _):
      canvas.fillWedge(center: p(center), radius: radius * s, start: start, end: end, color: fill)
    case .text(let string, let at, let size, let bold, let color, let anchor, let rotation):
      canvas.drawText(
        string, at: p(at), sizePixels: size * s, bold: bold, color: color, anchor: anchor,
        rotationDegrees: rotation)
    case .legendEntry(_, let items):
      for inner in items { draw(inner, on: canvas, scale: s) }
    }
  }
}
