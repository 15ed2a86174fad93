internal import Foundation
internal import LumenCore
internal import Tables

extension ChartLayout {
  /// Lines (or stacked areas) over categories: one point per category and series.
  mutating func categoryLines(
    _ data: CategoryTable, valueTitle: String, unit: ValueUnit?, area: Bool
  ) {
    var low = 0.0
    var high = 0.0
    var stackTop = Array(repeating: 0.0, count: data.categories.count)
    for s in data.series.indices {
      for c in data.categories.indices where data.values[s][c].isFinite {
        if area { stackTop[c] += max(data.values[s][c], 0) }
        high = max(high, area ? stackTop[c] : data.values[s][c])
        low = min(low, data.values[s][c])
      }
    }
    let ticks = NiceTicks.linear(
      area ? 0 : low, high, includeZero: area || low >= 0 && high / max(high - low, 1e-12) < 5)
    let guess = (width - 140) / Double(max(data.categories.count, 1))
    let frame = self.frame(
      legend: data.series, yLabelWidth: valueLabelWidth(ticks, unit: unit),
      xLabelHeight: categoryLabelHeight(data.categories, band: guess))
    let scale = AxisScale(
      lower: ticks.lower, upper: ticks.upper, start: frame.bottom, end: frame.top, log: false)
    valueAxis(
      ticks, scale: scale, frame: frame, title: options.yTitle ?? valueTitle, unit: unit,
      horizontal: false)
    let band = frame.width / Double(max(data.categories.count, 1))
    let centers = data.categories.indices.map { frame.left + band * (Double($0) + 0.5) }
    categoryAxis(
      data.categories, centers: centers, band: band, frame: frame,
      title: options.xTitle ?? options.x, horizontal: false)
    var below = Array(repeating: 0.0, count: data.categories.count)
    for (s, series) in data.series.enumerated() {
      let color = theme.color(s)
      var points: [Point] = []
      var marks: [(Point, SceneMark)] = []
      var lower: [Point] = []
      for c in data.categories.indices {
        let v = data.values[s][c]
        guard v.isFinite else { continue }
        let top = area ? below[c] + max(v, 0) : v
        let p = Point(x: centers[c], y: scale(top))
        points.append(p)
        lower.append(Point(x: centers[c], y: scale(below[c])))
        if area { below[c] = top }
        var fields = [(options.x, data.categories[c])]
        if let series, let name = options.color { fields.append((name, series)) }
        fields.append(
          (options.y.count > 1 ? "\(series ?? "")" : valueTitle, ValueFormat.label(v, unit: unit)))
        marks.append((p, SceneMark(series: series, fields)))
      }
      if area, points.count > 1 {
        items.append(
          .polygon(
            points: points + lower.reversed(), fill: pixel(color, alpha: 150), series: series))
      }
      line(points, color, width: 2, series: series ?? "")
      let radius = points.count <= 60 ? 3.0 : 2.0
      for (p, mark) in marks {
        items.append(
          .circle(
            center: p, radius: radius, fill: pixel(color, alpha: points.count <= 60 ? 255 : 0),
            stroke: nil, mark: mark))
      }
    }
    axisLine(frame, horizontal: false)
  }

  /// Lines over numbers or dates, and scatter plots: numeric x axis (dates with calendar
  /// ticks), one path (or set of points) per series.
  mutating func numericXY(
    _ series: [PointSeries], xColumn: TableColumn, valueTitle: String, unit: ValueUnit?,
    scatter: Bool, area: Bool
  ) {
    let allX = series.flatMap(\.xs)
    let allY = series.flatMap(\.ys)
    let temporal = xColumn.kind.isTemporal
    let xTicks: NiceTicks.Result =
      temporal
      ? DateTicks.ticks(allX.min() ?? 0, allX.max() ?? 1)
      : options.logX
        ? NiceTicks.logarithmic(allX.min() ?? 1, allX.max() ?? 10)
        : xColumn.kind == .integer
          ? NiceTicks.integers(allX.min() ?? 0, allX.max() ?? 1)
          : NiceTicks.linear(allX.min() ?? 0, allX.max() ?? 1)
    let yTicks =
      options.logY
      ? NiceTicks.logarithmic(allY.min() ?? 1, allY.max() ?? 10)
      : NiceTicks.linear(
        area ? min(0, allY.min() ?? 0) : allY.min() ?? 0, allY.max() ?? 1, includeZero: area)
    let frame = self.frame(
      legend: series.map(\.name), yLabelWidth: valueLabelWidth(yTicks, unit: unit),
      xLabelHeight: tickSize + 8)
    // A little room at both ends so the first and last points and labels clear the frame.
    let pad = min(12, frame.width * 0.02)
    let xs = AxisScale(
      lower: xTicks.lower, upper: xTicks.upper, start: frame.left + pad, end: frame.right - pad,
      log: options.logX && !temporal)
    let ys = AxisScale(
      lower: yTicks.lower, upper: yTicks.upper, start: frame.bottom, end: frame.top,
      log: options.logY)
    valueAxis(
      yTicks, scale: ys, frame: frame, title: options.yTitle ?? valueTitle, unit: unit,
      horizontal: false)
    let xFormat = ValueFormat.axis(xTicks, unit: xColumn.unit)
    for value in xTicks.values {
      let p = xs(value)
      line([Point(x: p, y: frame.top), Point(x: p, y: frame.bottom)], theme.grid)
      let label =
        temporal ? DateTicks.label(value, span: xTicks.upper - xTicks.lower) : xFormat.string(value)
      text(
        label, p, frame.bottom + 8 + tickSize, size: tickSize, color: theme.mutedText, anchor: 0.5)
    }
    text(
      options.xTitle ?? options.x, (frame.left + frame.right) / 2, height - 14, size: axisTitleSize,
      anchor: 0.5)
    let sizeRange = series.compactMap(\.sizes).flatMap { $0 }
    let sizeMax = sizeRange.max() ?? 1
    for (s, one) in series.enumerated() {
      let color = theme.color(s)
      let points = zip(one.xs, one.ys).map { Point(x: xs($0), y: ys($1)) }
      if !scatter {
        if area, points.count > 1 {
          let base = ys(max(yTicks.lower, 0))
          items.append(
            .polygon(
              points: points + [Point(x: points.last!.x, y: base), Point(x: points[0].x, y: base)],
              fill: pixel(color, alpha: 110), series: one.name))
        }
        line(points, color, width: 2, series: one.name ?? "")
      }
      let count = points.count
      for (i, p) in points.enumerated() {
        let xLabel =
          temporal
          ? CivilDate.text(seconds: one.xs[i], withTime: xColumn.kind == .datetime)
          : ValueFormat.label(one.xs[i], unit: xColumn.unit)
        var fields = [(options.x, xLabel)]
        if let name = one.name, let colorColumn = options.color {
          fields.append((colorColumn, name))
        }
        fields.append(
          (
            options.y.count > 1 ? one.name ?? valueTitle : (scatter ? options.y[0] : valueTitle),
            ValueFormat.label(one.ys[i], unit: unit)
          ))
        var radius = scatter ? 3.5 : (count <= 60 ? 3 : 2)
        if let sizes = one.sizes, let sizeBy = options.sizeBy {
          radius = 2 + 10 * sqrt(max(sizes[i], 0) / max(sizeMax, 1e-12))
          fields.append((sizeBy, ValueFormat.label(sizes[i], unit: nil)))
        }
        let alpha: UInt8 = scatter ? (count > 2000 ? 90 : 180) : (count <= 60 ? 255 : 0)
        items.append(
          .circle(
            center: p, radius: radius, fill: pixel(color, alpha: alpha), stroke: nil,
            mark: SceneMark(series: one.name, fields)))
      }
    }
    axisLine(frame, horizontal: false)
  }
}
