internal import Drawing
internal import LumenCore
internal import Tables

#if canImport(Glibc)
  import Glibc
#endif

/// Lays a chart out as a scene: title, axes with nice ticks and labels that do not overlap,
/// marks, legend. Text is measured with Pango so every backend places it alike.
struct ChartLayout: ~Copyable {
  let options: ChartOptions
  let theme: ChartTheme
  let measurer: Canvas
  var items: [SceneItem] = []
  let width: Double
  let height: Double
  let tickSize = 12.0
  let titleSize = 17.0
  let axisTitleSize = 13.0

  init(options: ChartOptions, measurer: consuming Canvas) {
    self.options = options
    theme = options.theme
    self.measurer = measurer
    width = Double(options.size.width)
    height = Double(options.size.height)
  }

  func textWidth(_ text: String, _ size: Double, bold: Bool = false) -> Double {
    measurer.measure(text, sizePixels: size, bold: bold).width
  }

  func pixel(_ color: RGBColor, alpha: UInt8 = 255) -> RGBAPixel {
    RGBAPixel(red: color.red, green: color.green, blue: color.blue, alpha: alpha)
  }

  mutating func text(
    _ string: String, _ x: Double, _ y: Double, size: Double, bold: Bool = false,
    color: RGBColor? = nil, anchor: Double = 0, rotation: Double = 0
  ) {
    items.append(
      .text(
        string, at: Point(x: x, y: y), size: size, bold: bold, color: pixel(color ?? theme.text),
        anchor: anchor, rotation: rotation))
  }

  mutating func line(
    _ points: [Point], _ color: RGBColor, width: Double = 1, dash: [Double] = [],
    series: String? = nil
  ) {
    items.append(
      .line(points: points, stroke: pixel(color), width: width, dash: dash, series: series))
  }

  /// The plot area after the title, legend and axis room.
  struct Frame {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    var width: Double { right - left }
    var height: Double { bottom - top }
  }

  /// Title on top; legend on the right when several series; returns the room left.
  mutating func frame(legend: [String?], yLabelWidth: Double, xLabelHeight: Double) -> Frame {
    var top = 16.0
    if let title = options.title, !title.isEmpty {
      text(title, 20, 30, size: titleSize, bold: true)
      top = 50
    }
    var right = width - 20
    let names = legend.compactMap { $0 }
    if names.count > 1 || (names.count == 1 && options.color != nil) {
      let legendTitle = options.kind == .pie ? options.x : options.color
      let titleWidth = legendTitle.map { textWidth($0, tickSize, bold: true) + 4 } ?? 0
      let legendWidth = min(
        220, max(titleWidth, (names.map { textWidth($0, tickSize) }.max() ?? 0) + 34))
      let x = width - legendWidth - 8
      var y = top + 10
      if let legendTitle {
        text(legendTitle, x, y + 4, size: tickSize, bold: true)
        y += 20
      }
      for (index, name) in names.enumerated() {
        let swatch = pixel(theme.color(index))
        let entries: [SceneItem] = [
          .rect(x: x, y: y - 5, width: 12, height: 12, fill: swatch, mark: nil),
          .text(
            name, at: Point(x: x + 18, y: y + 5), size: tickSize, bold: false,
            color: pixel(theme.text), anchor: 0, rotation: 0),
        ]
        items.append(.legendEntry(series: name, items: entries))
        y += 20
      }
      right = x - 16
    }
    let yTitleRoom = axisTitleSize + 14
    let left = 12 + yTitleRoom + yLabelWidth + 8
    let bottom = height - (12 + axisTitleSize + 10 + xLabelHeight + 8)
    return Frame(left: left, top: top, right: right, bottom: bottom)
  }

  /// Grid lines, tick labels and the title of a numeric value axis (vertical unless
  /// `horizontal`).
  mutating func valueAxis(
    _ ticks: NiceTicks.Result, scale: AxisScale, frame: Frame, title: String, unit: ValueUnit?,
    horizontal: Bool
  ) {
    let format = ValueFormat.axis(ticks, unit: unit)
    for value in ticks.values {
      let p = scale(value)
      let label = ticks.step > 0 ? format.string(value) : ValueFormat(unit: unit).string(value)
      if horizontal {
        line([Point(x: p, y: frame.top), Point(x: p, y: frame.bottom)], theme.grid)
        text(
          label, p, frame.bottom + 8 + tickSize, size: tickSize, color: theme.mutedText, anchor: 0.5
        )
      } else {
        line([Point(x: frame.left, y: p), Point(x: frame.right, y: p)], theme.grid)
        text(
          label, frame.left - 8, p + tickSize * 0.35, size: tickSize, color: theme.mutedText,
          anchor: 1)
      }
    }
    if horizontal {
      text(
        title, (frame.left + frame.right) / 2, height - 14, size: axisTitleSize, color: theme.text,
        anchor: 0.5)
    } else {
      text(
        title, 12 + axisTitleSize, (frame.top + frame.bottom) / 2, size: axisTitleSize, anchor: 0.5,
        rotation: -90)
    }
  }

  /// Category labels along a band axis: straight when they fit, else turned 45°, else every
  /// n-th; the axis title below (or left).
  mutating func categoryAxis(
    _ labels: [String], centers: [Double], band: Double, frame: Frame, title: String,
    horizontal: Bool
  ) {
    if horizontal {
      let step = max(1, Int(ceil((tickSize + 4) / max(band, 1))))
      for (i, label) in labels.enumerated() where i % step == 0 {
        text(
          clip(label, 160), frame.left - 8, centers[i] + tickSize * 0.35, size: tickSize,
          color: theme.mutedText, anchor: 1)
      }
      text(
        title, 12 + axisTitleSize, (frame.top + frame.bottom) / 2, size: axisTitleSize, anchor: 0.5,
        rotation: -90)
      return
    }
    let widths = labels.map { textWidth(clip($0, 160), tickSize) }
    let widest = widths.max() ?? 0
    if widest + 6 <= band {
      for (i, label) in labels.enumerated() {
        text(
          label, centers[i], frame.bottom + 8 + tickSize, size: tickSize, color: theme.mutedText,
          anchor: 0.5)
      }
    } else {
      // Turned 45°, neighbours are band × sin 45° apart: keep every n-th so lines do not touch.
      let step = max(1, Int(ceil((tickSize * 1.7) / max(band * 0.7071, 0.1))))
      for (i, label) in labels.enumerated() where i % step == 0 {
        text(
          clip(label, 160), centers[i] + 4, frame.bottom + 10, size: tickSize,
          color: theme.mutedText, anchor: 1, rotation: -45)
      }
    }
    text(title, (frame.left + frame.right) / 2, height - 14, size: axisTitleSize, anchor: 0.5)
  }

  /// The room the category labels need below the plot.
  func categoryLabelHeight(_ labels: [String], band: Double) -> Double {
    let widest = labels.map { textWidth(clip($0, 160), tickSize) }.max() ?? 0
    return widest + 6 <= band ? tickSize + 8 : min(widest, 160) * 0.72 + 10
  }

  func clip(_ label: String, _ limit: Double) -> String {
    guard label.count > 4, textWidth(label, tickSize) > limit else { return label }
    var cut = label
    while cut.count > 3, textWidth(cut + "…", tickSize) > limit { cut.removeLast() }
    return cut + "…"
  }

  func valueLabelWidth(_ ticks: NiceTicks.Result, unit: ValueUnit?) -> Double {
    let format = ValueFormat.axis(ticks, unit: unit)
    return ticks.values.map { textWidth(format.string($0), tickSize) }.max() ?? 0
  }

  mutating func axisLine(_ frame: Frame, horizontal: Bool) {
    if horizontal {
      line([Point(x: frame.left, y: frame.top), Point(x: frame.left, y: frame.bottom)], theme.axis)
    } else {
      line(
        [Point(x: frame.left, y: frame.bottom), Point(x: frame.right, y: frame.bottom)], theme.axis)
    }
  }

  consuming func scene(title: String) -> ChartScene {
    ChartScene(
      width: width, height: height, background: theme.background, title: title, items: items)
  }
}
