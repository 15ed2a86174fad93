internal import LumenCore
internal import Tables

extension ChartLayout {
  /// Bars: one band per category, series side by side or stacked; vertical or horizontal.
  mutating func bars(_ data: CategoryTable, valueTitle: String, unit: ValueUnit?) {
    let horizontal = options.horizontal
    let stacked = options.stack && data.series.count > 1
    var low = 0.0
    var high = 0.0
    for c in data.categories.indices {
      var positive = 0.0
      var negative = 0.0
      for s in data.series.indices {
        let v = data.values[s][c]
        guard v.isFinite else { continue }
        if stacked {
          if v >= 0 { positive += v } else { negative += v }
        } else {
          high = max(high, v)
          low = min(low, v)
        }
      }
      if stacked {
        high = max(high, positive)
        low = min(low, negative)
      }
    }
    let ticks =
      options.logY && low >= 0 && high > 0
      ? NiceTicks.logarithmic(
        max(data.values.flatMap { $0 }.filter { $0 > 0 }.min() ?? 1, 1e-9), high)
      : NiceTicks.linear(low, high, includeZero: true)
    let valueLabels = valueLabelWidth(ticks, unit: unit)
    let categoryRoom: Double
    let xTitle = options.xTitle ?? options.x
    let yTitle = options.yTitle ?? valueTitle
    var frame: Frame
    if horizontal {
      let widest = min(160, data.categories.map { textWidth($0, tickSize) }.max() ?? 0)
      frame = self.frame(legend: data.series, yLabelWidth: widest, xLabelHeight: tickSize + 8)
      categoryRoom = frame.height
    } else {
      let guess = (width - 140) / Double(max(data.categories.count, 1))
      let labelHeight = categoryLabelHeight(data.categories, band: guess)
      frame = self.frame(legend: data.series, yLabelWidth: valueLabels, xLabelHeight: labelHeight)
      categoryRoom = frame.width
    }
    let band = categoryRoom / Double(max(data.categories.count, 1))
    let scale =
      horizontal
      ? AxisScale(
        lower: ticks.lower, upper: ticks.upper, start: frame.left, end: frame.right,
        log: options.logY)
      : AxisScale(
        lower: ticks.lower, upper: ticks.upper, start: frame.bottom, end: frame.top,
        log: options.logY)
    valueAxis(
      ticks, scale: scale, frame: frame, title: yTitle, unit: unit,
      horizontal: horizontal)
    let centers = data.categories.indices.map { i in
      horizontal ? frame.top + band * (Double(i) + 0.5) : frame.left + band * (Double(i) + 0.5)
    }
    categoryAxis(
      data.categories, centers: centers, band: band, frame: frame,
      title: xTitle, horizontal: horizontal)
    let inner = band * 0.8
    let seriesCount = Double(data.series.count)
    let base = scale(options.logY ? ticks.lower : 0)
    for c in data.categories.indices {
      var positive = 0.0
      var negative = 0.0
      for (s, series) in data.series.enumerated() {
        let v = data.values[s][c]
        guard v.isFinite else { continue }
        var from = base
        var to = scale(v)
        var offset = centers[c] - inner / 2
        var thickness = inner
        if stacked {
          let start = v >= 0 ? positive : negative
          from = scale(start)
          to = scale(start + v)
          if v >= 0 { positive += v } else { negative += v }
        } else if data.series.count > 1 {
          thickness = inner / seriesCount
          offset += thickness * Double(s)
        }
        var fields = [(options.x, data.categories[c])]
        if let series, let color = options.color { fields.append((color, series)) }
        let valueName =
          options.y.count > 1
          ? "\(series ?? "") (\(ChartBuilder.aggregation(options).rawValue))" : valueTitle
        fields.append((valueName, ValueFormat.label(v, unit: unit)))
        let mark = SceneMark(series: series, fields)
        let fill = pixel(theme.color(data.series.count > 1 ? s : 0))
        // Side-by-side bars get a hairline gap so neighbours stay apart.
        let gap = !stacked && data.series.count > 1 ? min(2, thickness * 0.1) : 0
        if horizontal {
          items.append(
            .rect(
              x: min(from, to), y: offset + gap / 2, width: abs(to - from),
              height: thickness - gap, fill: fill, mark: mark))
        } else {
          items.append(
            .rect(
              x: offset + gap / 2, y: min(from, to), width: thickness - gap,
              height: abs(to - from), fill: fill, mark: mark))
        }
      }
    }
    axisLine(frame, horizontal: horizontal)
  }

}
