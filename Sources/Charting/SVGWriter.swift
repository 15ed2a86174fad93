internal import Foundation
internal import LumenCore

/// Writes a scene as SVG: real `<text>` (editable), every data mark an element with
/// `role="graphics-symbol"` and an `aria-label` naming its fields and values.
package enum SVGWriter {
  static let fonts = "'DejaVu Sans', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"

  static func svg(_ scene: ChartScene, standalone: Bool = true) -> String {
    var out = ""
    if standalone { out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
    let w = number(scene.width)
    let h = number(scene.height)
    out +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"graphics-document\" aria-label=\"\(escape(scene.title))\" font-family=\"\(fonts)\">\n"
    out += "<title>\(escape(scene.title))</title>\n"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"\(scene.background.hex)\"/>\n"
    var legendItems: [SceneItem] = []
    for item in scene.items {
      if case .legendEntry = item {
        legendItems.append(item)
        continue
      }
      write(item, into: &out)
    }
    if !legendItems.isEmpty {
      out += "<g class=\"legend\">\n"
      for item in legendItems { write(item, into: &out) }
      out += "</g>\n"
    }
    out += "</svg>\n"
    return out
  }

  private static func write(_ item: SceneItem, into out: inout String) {
    switch item {
    case .rect(let x, let y, let width, let height, let fill, let mark):
      out +=
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\"\(paint("fill", fill))\(attributes(mark))/>\n"
    case .line(let points, let stroke, let width, let dash, let series):
      let seriesAttribute = series.map { " data-series=\"\(escape($0))\"" } ?? ""
      let dashAttribute =
        dash.isEmpty ? "" : " stroke-dasharray=\"\(dash.map(number).joined(separator: " "))\""
      out +=
        "<polyline points=\"\(path(points))\" fill=\"none\"\(paint("stroke", stroke)) stroke-width=\"\(number(width))\" stroke-linejoin=\"round\"\(dashAttribute)\(seriesAttribute)/>\n"
    case .polygon(let points, let fill, let series):
      out +=
        "<polygon points=\"\(path(points))\"\(paint("fill", fill))\(series.map { " data-series=\"\(escape($0))\"" } ?? "")/>\n"
    case .circle(let center, let radius, let fill, let stroke, let mark):
      // Piece by piece into the text (a scatter writes thousands of these).
      out += "<circle cx=\""
      out += number(center.x)
      out += "\" cy=\""
      out += number(center.y)
      out += "\" r=\""
      out += number(radius)
      out += "\""
      writePaint("fill", fill, into: &out)
      if let stroke { writePaint("stroke", stroke, into: &out) }
      writeAttributes(mark, into: &out)
      out += "/>\n"
    case .wedge(let center, let radius, let start, let end, let fill, let mark):
      let large = end - start > Double.pi ? 1 : 0
      let a = Point(x: center.x + radius * cos(start), y: center.y + radius * sin(start))
      let b = Point(x: center.x + radius * cos(end), y: center.y + radius * sin(end))
      let d: String
      if end - start >= 2 * Double.pi - 1e-9 {
        d =
          "M\(number(center.x - radius)),\(number(center.y))a\(number(radius)),\(number(radius)) 0 1,0 \(number(2 * radius)),0a\(number(radius)),\(number(radius)) 0 1,0 \(number(-2 * radius)),0Z"
      } else {
        d =
          "M\(number(center.x)),\(number(center.y))L\(number(a.x)),\(number(a.y))A\(number(radius)),\(number(radius)) 0 \(large),1 \(number(b.x)),\(number(b.y))Z"
      }
      out += "<path d=\"\(d)\"\(paint("fill", fill))\(attributes(mark))/>\n"
    case .text(let string, let at, let size, let bold, let color, let anchor, let rotation):
      let anchorName = anchor == 0 ? "start" : anchor == 1 ? "end" : "middle"
      let transform =
        rotation == 0
        ? "" : " transform=\"rotate(\(number(rotation)) \(number(at.x)) \(number(at.y)))\""
      out +=
        "<text x=\"\(number(at.x))\" y=\"\(number(at.y))\" font-size=\"\(number(size))\"\(bold ? " font-weight=\"bold\"" : "") text-anchor=\"\(anchorName)\"\(paint("fill", color))\(transform)>\(escape(string))</text>\n"
    case .legendEntry(let series, let items):
      out +=
        "<g data-series=\"\(escape(series))\" role=\"button\" tabindex=\"0\" aria-label=\"show or hide \(escape(series))\" style=\"cursor:pointer\">\n"
      for inner in items { write(inner, into: &out) }
      out += "</g>\n"
    }
  }

  /// ``attributes(_:)`` written straight into `out` (no string per piece: a scatter's
  /// thousands of circles).
  private static func writeAttributes(_ mark: SceneMark?, into out: inout String) {
    guard let mark else { return }
    out += " role=\"graphics-symbol\" aria-label=\""
    // The label (SceneMark.label) piece by piece: its separators need no escaping.
    for (i, field) in mark.fields.enumerated() {
      if i > 0 { out += "; " }
      out += escape(field.name)
      out += ": "
      out += escape(field.value)
    }
    out += "\""
    if let series = mark.series {
      out += " data-series=\""
      out += escape(series)
      out += "\""
    }
  }

  /// ``paint(_:_:)`` written straight into `out`.
  private static func writePaint(_ name: String, _ color: RGBAPixel, into out: inout String) {
    out += " "
    out += name
    out += "=\""
    out += RGBColor(red: color.red, green: color.green, blue: color.blue).hex
    out += "\""
    if color.alpha != 255 {
      out += " "
      out += name
      out += "-opacity=\""
      out += number(Double(color.alpha) / 255)
      out += "\""
    }
  }

  private static func attributes(_ mark: SceneMark?) -> String {
    guard let mark else { return "" }
    var text = " role=\"graphics-symbol\" aria-label=\"\(escape(mark.label))\""
    if let series = mark.series { text += " data-series=\"\(escape(series))\"" }
    return text
  }

  private static func paint(_ name: String, _ color: RGBAPixel) -> String {
    let hex = RGBColor(red: color.red, green: color.green, blue: color.blue).hex
    if color.alpha == 255 { return " \(name)=\"\(hex)\"" }
    return " \(name)=\"\(hex)\" \(name)-opacity=\"\(number(Double(color.alpha) / 255))\""
  }

  private static func path(_ points: [Point]) -> String {
    points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
  }

  /// Up to two decimals, no trailing zeros.
  static func number(_ value: Double) -> String {
    let hundredths = (value * 100).rounded()
    // Below 10^15 hundredths the digits are written from the integer: the same text as the
    // double's own description (a scatter's SVG has thousands of these).
    guard abs(hundredths) < 1e15 else {
      let rounded = hundredths / 100
      if rounded == rounded.rounded() { return String(Int(rounded)) }
      return String(rounded)
    }
    let m = Int(hundredths)
    let whole = m.magnitude / 100
    let fraction = Int(m.magnitude % 100)
    if fraction == 0 { return String(m / 100) }
    let sign = m < 0 ? "-" : ""
    let tens = Character(Unicode.Scalar(UInt8(48 + fraction / 10)))
    if fraction % 10 == 0 { return "\(sign)\(whole).\(tens)" }
    let ones = Character(Unicode.Scalar(UInt8(48 + fraction % 10)))
    return "\(sign)\(whole).\(tens)\(ones)"
  }

  /// Text with `&`, `<`, `>` and `"` escaped for XML and HTML.
  package static func escape(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 })
    else { return text }
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}

#if canImport(Glibc)
  import Glibc
#endif
