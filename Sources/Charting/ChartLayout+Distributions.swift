internal import Foundation
internal import LumenCore
internal import Tables

extension ChartLayout {
  /// A histogram: one bar per bin, touching.
  mutating func histogram(edges: [Double], counts: [Int], column: TableColumn) {
    let ticks = NiceTicks.integers(0, Double(counts.max() ?? 1), includeZero: true)
    let frame = self.frame(
      legend: [nil], yLabelWidth: valueLabelWidth(ticks, unit: nil), xLabelHeight: tickSize + 8)
    let ys = AxisScale(
      lower: ticks.lower, upper: ticks.upper, start: frame.bottom, end: frame.top, log: false)
    valueAxis(
      ticks, scale: ys, frame: frame, title: options.yTitle ?? "count", unit: nil, horizontal: false
    )
    let xTicks = NiceTicks.linear(edges.first!, edges.last!)
    let xs = AxisScale(
      lower: min(xTicks.lower, edges.first!), upper: max(xTicks.upper, edges.last!),
      start: frame.left, end: frame.right, log: false)
    let format = ValueFormat.axis(xTicks, unit: column.unit)
    for value in xTicks.values where value >= xs.lower && value <= xs.upper {
      text(
        format.string(value), xs(value), frame.bottom + 8 + tickSize, size: tickSize,
        color: theme.mutedText, anchor: 0.5)
    }
    text(
      options.xTitle ?? options.x, (frame.left + frame.right) / 2, height - 14, size: axisTitleSize,
      anchor: 0.5)
    for (i, count) in counts.enumerated() {
      let x0 = xs(edges[i])
      let x1 = xs(edges[i + 1])
      let top = ys(Double(count))
      let range =
        "\(ValueFormat.label(edges[i], unit: column.unit))–\(ValueFormat.label(edges[i + 1], unit: column.unit))"
      let mark = SceneMark(series: nil, [(options.x, range), ("count", String(count))])
      items.append(
        .rect(
          x: x0 + 0.5, y: top, width: max(x1 - x0 - 1, 0.5), height: frame.bottom - top,
          fill: pixel(theme.color(0)), mark: mark))
    }
    axisLine(frame, horizontal: false)
  }

  /// Box plots: quartile box, median line, Tukey whiskers, outlier dots, per category.
  mutating func boxes(_ stats: [BoxStats], unit: ValueUnit?) {
    let low = stats.map { min($0.lowerWhisker, $0.outliers.min() ?? $0.lowerWhisker) }.min() ?? 0
    let high = stats.map { max($0.upperWhisker, $0.outliers.max() ?? $0.upperWhisker) }.max() ?? 1
    let ticks = NiceTicks.linear(low, high)
    let labels = stats.map(\.category)
    let guess = (width - 140) / Double(max(labels.count, 1))
    let frame = self.frame(
      legend: [nil], yLabelWidth: valueLabelWidth(ticks, unit: unit),
      xLabelHeight: categoryLabelHeight(labels, band: guess))
    let ys = AxisScale(
      lower: ticks.lower, upper: ticks.upper, start: frame.bottom, end: frame.top, log: false)
    valueAxis(
      ticks, scale: ys, frame: frame, title: options.yTitle ?? options.y[0], unit: unit,
      horizontal: false)
    let band = frame.width / Double(max(labels.count, 1))
    let centers = labels.indices.map { frame.left + band * (Double($0) + 0.5) }
    categoryAxis(
      labels, centers: centers, band: band, frame: frame, title: options.xTitle ?? options.x,
      horizontal: false)
    let y = options.y[0]
    for (i, box) in stats.enumerated() {
      let color = theme.color(0)
      let half = min(band * 0.3, 40)
      let cx = centers[i]
      line(
        [Point(x: cx, y: ys(box.lowerWhisker)), Point(x: cx, y: ys(box.q1))], theme.mutedText,
        width: 1.2)
      line(
        [Point(x: cx, y: ys(box.q3)), Point(x: cx, y: ys(box.upperWhisker))], theme.mutedText,
        width: 1.2)
      line(
        [
          Point(x: cx - half / 2, y: ys(box.lowerWhisker)),
          Point(x: cx + half / 2, y: ys(box.lowerWhisker)),
        ], theme.mutedText, width: 1.2)
      line(
        [
          Point(x: cx - half / 2, y: ys(box.upperWhisker)),
          Point(x: cx + half / 2, y: ys(box.upperWhisker)),
        ], theme.mutedText, width: 1.2)
      let f = { ValueFormat.label($0, unit: unit) }
      let mark = SceneMark(
        series: nil,
        [
          (options.x, box.category), ("\(y) min", f(box.lowerWhisker)), ("\(y) q1", f(box.q1)),
          ("\(y) median", f(box.median)), ("\(y) q3", f(box.q3)), ("\(y) max", f(box.upperWhisker)),
          ("rows", String(box.count)),
        ])
      items.append(
        .rect(
          x: cx - half, y: ys(box.q3), width: 2 * half, height: max(ys(box.q1) - ys(box.q3), 1),
          fill: pixel(color, alpha: 200), mark: mark))
      line(
        [Point(x: cx - half, y: ys(box.median)), Point(x: cx + half, y: ys(box.median))],
        theme.background, width: 2)
      for outlier in box.outliers {
        items.append(
          .circle(
            center: Point(x: cx, y: ys(outlier)), radius: 2.5,
            fill: pixel(theme.mutedText, alpha: 160), stroke: nil,
            mark: SceneMark(series: nil, [(options.x, box.category), (y, f(outlier))])))
      }
    }
    axisLine(frame, horizontal: false)
  }

  /// A pie: slices clockwise from 12 o'clock in the data's order, labelled with shares.
  mutating func pie(_ data: CategoryTable, valueTitle: String, unit: ValueUnit?) {
    let values = data.values[0].map { $0.isFinite && $0 > 0 ? $0 : 0 }
    let total = values.reduce(0, +)
    let frame = self.frame(
      legend: data.categories.count > 1 ? data.categories : [nil], yLabelWidth: 0, xLabelHeight: 0)
    let radius = max(10, min(frame.width, frame.height) / 2 - 10)
    let center = Point(x: (frame.left + frame.right) / 2, y: (frame.top + frame.bottom) / 2)
    var angle = -Double.pi / 2
    for (i, value) in values.enumerated() where value > 0 {
      let sweep = value / total * 2 * Double.pi
      let share = ValueFormat.grouped(value / total * 100, decimals: 1) + "%"
      let mark = SceneMark(
        series: data.categories[i],
        [
          (options.x, data.categories[i]), (valueTitle, ValueFormat.label(value, unit: unit)),
          ("share", share),
        ])
      items.append(
        .wedge(
          center: center, radius: radius, start: angle, end: angle + sweep,
          fill: pixel(theme.color(i)), mark: mark))
      if sweep > 0.25 {
        let mid = angle + sweep / 2
        let p = Point(
          x: center.x + cos(mid) * radius * 0.65,
          y: center.y + sin(mid) * radius * 0.65 + tickSize * 0.35)
        text(
          share, p.x, p.y, size: tickSize, bold: true,
          color: RGBColor(red: 255, green: 255, blue: 255), anchor: 0.5)
      }
      angle += sweep
    }
  }

  /// A heatmap: x categories across, y categories down, cells coloured by value with the
  /// value written when it fits.
  mutating func heatmap(
    columns: [String], rows: [String], values: [[Double]], valueTitle: String, unit: ValueUnit?
  ) {
    let widest = min(160, rows.map { textWidth($0, tickSize) }.max() ?? 0)
    let guess = (width - widest - 180) / Double(max(columns.count, 1))
    var frame = self.frame(
      legend: [nil], yLabelWidth: widest, xLabelHeight: categoryLabelHeight(columns, band: guess))
    frame.right -= 70  // the colour bar
    frame.top += 14  // its title
    let cellWidth = frame.width / Double(max(columns.count, 1))
    let cellHeight = frame.height / Double(max(rows.count, 1))
    let finite = values.flatMap { $0 }.filter(\.isFinite)
    var low = finite.min() ?? 0
    var high = finite.max() ?? 1
    // Values on both sides of zero (correlations, changes): a diverging scale centred on 0.
    let diverging = low < 0 && high > 0
    if diverging {
      let reach = Swift.max(-low, high)
      (low, high) = (-reach, reach)
    }
    let theme = self.theme
    let color = { (t: Double) in diverging ? theme.divergingRamp(t) : theme.ramp(t) }
    let centers = columns.indices.map { frame.left + cellWidth * (Double($0) + 0.5) }
    categoryAxis(
      columns, centers: centers, band: cellWidth, frame: frame, title: options.xTitle ?? options.x,
      horizontal: false)
    let rowCenters = rows.indices.map { frame.top + cellHeight * (Double($0) + 0.5) }
    categoryAxis(
      rows, centers: rowCenters, band: cellHeight, frame: frame,
      title: options.yTitle ?? options.y[0], horizontal: true)
    let y = options.y[0]
    let cellFormat = ValueFormat(unit: unit)
    let labelsFit =
      cellHeight >= tickSize + 4
      && finite.allSatisfy { textWidth(cellFormat.string($0), tickSize - 1) + 6 < cellWidth }
    colorBar(
      low: low, high: high, frame: frame, title: valueTitle, unit: unit, diverging: diverging)
    for (r, row) in rows.enumerated() {
      for (c, column) in columns.enumerated() {
        let v = values[r][c]
        guard v.isFinite else { continue }
        let t = high > low ? (v - low) / (high - low) : 0.5
        let fill = color(t)
        let mark = SceneMark(
          series: nil,
          [(options.x, column), (y, row), (valueTitle, ValueFormat.label(v, unit: unit))])
        items.append(
          .rect(
            x: frame.left + cellWidth * Double(c) + 0.5,
            y: frame.top + cellHeight * Double(r) + 0.5, width: cellWidth - 1,
            height: cellHeight - 1, fill: pixel(fill), mark: mark))
        let label = cellFormat.string(v)
        if labelsFit {
          let luminance =
            0.299 * Double(fill.red) + 0.587 * Double(fill.green) + 0.114 * Double(fill.blue)
          text(
            label, centers[c], rowCenters[r] + (tickSize - 1) * 0.35, size: tickSize - 1,
            color: luminance > 140
              ? RGBColor(red: 20, green: 20, blue: 20) : RGBColor(red: 250, green: 250, blue: 250),
            anchor: 0.5)
        }
      }
    }
  }

  /// A vertical colour ramp right of the plot with the value range labelled.
  mutating func colorBar(
    low: Double, high: Double, frame: Frame, title: String, unit: ValueUnit?,
    diverging: Bool = false
  ) {
    let x = frame.right + 24
    let barWidth = 14.0
    let steps = 48
    let height = frame.height
    for i in 0..<steps {
      let t0 = Double(i) / Double(steps)
      let y = frame.bottom - height * (t0 + 1 / Double(steps))
      items.append(
        .rect(
          x: x, y: y, width: barWidth, height: height / Double(steps) + 0.5,
          fill: pixel(
            diverging
              ? theme.divergingRamp(t0 + 0.5 / Double(steps)) : theme.ramp(t0 + 0.5 / Double(steps))
          ),
          mark: nil))
    }
    let ticks = NiceTicks.linear(low, high, target: 5)
    let format = ValueFormat.axis(ticks, unit: unit)
    for value in ticks.values where value >= low && value <= high && high > low {
      let y = frame.bottom - (value - low) / (high - low) * height
      line([Point(x: x + barWidth, y: y), Point(x: x + barWidth + 4, y: y)], theme.axis)
      text(
        format.string(value), x + barWidth + 6, y + tickSize * 0.35, size: tickSize - 1,
        color: theme.mutedText)
    }
    text(clip(title, 120), x, frame.top - 6, size: tickSize - 1, bold: true)
  }
}
