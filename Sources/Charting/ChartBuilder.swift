internal import Tables

/// Groups and aggregates a table's rows into what each chart kind draws.
enum ChartBuilder {
  /// The aggregate used: the option, else count without y, mean for lines and heatmaps,
  /// sum otherwise.
  static func aggregation(_ options: ChartOptions) -> ChartAggregation {
    if let chosen = options.aggregation { return chosen }
    if options.kind == .heatmap { return options.color == nil ? .count : .mean }
    if options.y.isEmpty { return .count }
    return options.kind == .line ? .mean : .sum
  }

  /// The value axis title: `tip (mean)`, `count`.
  static func valueTitle(_ options: ChartOptions) -> String {
    let agg = aggregation(options)
    if agg == .count { return "count" }
    if options.y.count == 1 { return "\(options.y[0]) (\(agg.rawValue))" }
    return options.y.joined(separator: ", ") + " (\(agg.rawValue))"
  }

  /// Values by x category and series.
  static func categoryTable(_ input: ChartInput) throws(ChartError) -> CategoryTable {
    let options = input.options
    let agg = aggregation(options)
    let (xKeys, labels) = input.xCategories()
    var seriesNames: [String?]
    var columns: [[Double?]] = []
    var seriesOfRow: [Int?]
    if options.y.count > 1 {
      seriesNames = options.y
      for name in options.y { columns.append(try input.numbers(name, role: "y")) }
      seriesOfRow = []
    } else {
      (seriesOfRow, seriesNames) = input.seriesKeys()
      if let name = options.y.first { columns = [try input.numbers(name, role: "y")] }
    }
    let seriesCount = seriesNames.count
    var buckets = Array(
      repeating: Array(repeating: (values: [Double](), rows: 0), count: labels.count),
      count: seriesCount)
    for row in 0..<input.table.rowCount {
      guard let c = xKeys[row] else { continue }
      if options.y.count > 1 {
        for s in 0..<seriesCount {
          buckets[s][c].rows += 1
          if let v = columns[s][row] { buckets[s][c].values.append(v) }
        }
      } else {
        guard let s = seriesOfRow[row] else { continue }
        buckets[s][c].rows += 1
        if let column = columns.first {
          if let v = column[row] { buckets[s][c].values.append(v) }
        }
      }
    }
    var order = Array(labels.indices)
    var categoryLabels = labels
    let totals = order.map { c in
      (0..<seriesCount).reduce(0.0) { sum, s in
        let v = agg.apply(buckets[s][c].values, rows: buckets[s][c].rows)
        return sum + (v.isFinite ? v : 0)
      }
    }
    switch options.sort {
    case .y: order.sort { totals[$0] < totals[$1] }
    case .descending: order.sort { totals[$0] > totals[$1] }
    default: break
    }
    // More categories than a reader can tell apart: the largest are kept and the rest folded
    // into "other", with a warning (an explicit top wins).
    var warnings: [String] = []
    let readable = maxCategories(options.kind)
    var top = options.top
    if top == nil, order.count > readable {
      top = readable - 1
      warnings.append(
        "\(order.count) distinct values of \(options.x): the \(readable - 1) largest are drawn and the rest summed as \"other\" (set top, or group dates with time_unit)"
      )
    }
    if let top, order.count > top {
      let kept = Set(order.sorted { totals[$0] > totals[$1] }.prefix(top))
      let rest = order.filter { !kept.contains($0) }
      order = order.filter { kept.contains($0) }
      for s in 0..<seriesCount {
        var merged = (values: [Double](), rows: 0)
        for c in rest {
          merged.values += buckets[s][c].values
          merged.rows += buckets[s][c].rows
        }
        buckets[s].append(merged)
      }
      categoryLabels.append("other")
      order.append(categoryLabels.count - 1)
    }
    let values = (0..<seriesCount).map { s in
      order.map { c -> Double in
        let bucket = buckets[s][c]
        return bucket.rows == 0 ? .nan : agg.apply(bucket.values, rows: bucket.rows)
      }
    }
    return CategoryTable(
      categories: order.map { categoryLabels[$0] }, series: seriesNames, values: values,
      warnings: warnings)
  }

  /// The most categories a kind draws before folding the rest into "other".
  static func maxCategories(_ kind: ChartKind) -> Int {
    switch kind {
    case .pie: 12
    case .bar: 200
    default: 500
    }
  }

  /// The most points a line or area draws per series; more are averaged into this many
  /// intervals of x.
  static let maxLinePoints = 2_000

  /// A series thinned to at most ``maxLinePoints`` points: x cut into equal intervals, each
  /// point the mean of the x and y that fell in it (empty intervals left out).
  static func thinned(_ series: PointSeries) -> PointSeries {
    guard series.xs.count > maxLinePoints, let low = series.xs.first, let high = series.xs.last,
      high > low
    else { return series }
    let count = maxLinePoints
    var sums = Array(repeating: (x: 0.0, y: 0.0, n: 0), count: count)
    for (x, y) in zip(series.xs, series.ys) {
      let i = min(Int((x - low) / (high - low) * Double(count)), count - 1)
      sums[i].x += x
      sums[i].y += y
      sums[i].n += 1
    }
    var result = PointSeries(name: series.name, xs: [], ys: [], sizes: nil)
    for bucket in sums where bucket.n > 0 {
      result.xs.append(bucket.x / Double(bucket.n))
      result.ys.append(bucket.y / Double(bucket.n))
    }
    return result
  }

  /// Points with numeric x per series; rows sharing x and series aggregated (lines), or kept
  /// (scatter).
  static func pointSeries(_ input: ChartInput, aggregate: Bool) throws(ChartError) -> [PointSeries]
  {
    let options = input.options
    let xs = try input.numbers(options.x, role: "x")
    let agg = aggregation(options)
    var result: [PointSeries] = []
    let ys: [[Double?]]
    let names: [String?]
    var seriesOfRow: [Int?] = []
    if options.y.count > 1 {
      ys = try options.y.map { (name) throws(ChartError) in try input.numbers(name, role: "y") }
      names = options.y
    } else {
      (seriesOfRow, names) = input.seriesKeys()
      ys = options.y.isEmpty ? [] : [try input.numbers(options.y[0], role: "y")]
    }
    let sizes = try options.sizeBy.map { (name) throws(ChartError) in
      try input.numbers(name, role: "size_by")
    }
    for (s, name) in names.enumerated() {
      var series = PointSeries(name: name, xs: [], ys: [], sizes: sizes == nil ? nil : [])
      if aggregate {
        var groups: [Double: (values: [Double], rows: Int)] = [:]
        for row in 0..<input.table.rowCount {
          // A log axis cannot show zero or less (as for scatter points below).
          guard let x = xs[row], !(options.logX && x <= 0) else { continue }
          if options.y.count <= 1, seriesOfRow[row] != s { continue }
          var group = groups[x] ?? ([], 0)
          group.rows += 1
          let column = options.y.count > 1 ? ys[s] : ys.first
          if let column, let v = column[row] { group.values.append(v) }
          groups[x] = group
        }
        for x in groups.keys.sorted() {
          let group = groups[x]!
          let value = agg.apply(group.values, rows: group.rows)
          guard value.isFinite, !(options.logY && value <= 0) else { continue }
          series.xs.append(x)
          series.ys.append(value)
        }
      } else {
        for row in 0..<input.table.rowCount {
          guard let x = xs[row], seriesOfRow.isEmpty || seriesOfRow[row] == s else { continue }
          guard let y = ys.first?[row] else { continue }
          if options.logX, x <= 0 { continue }
          if options.logY, y <= 0 { continue }
          series.xs.append(x)
          series.ys.append(y)
          if let sizes { series.sizes?.append(sizes[row] ?? 0) }
        }
      }
      if !series.xs.isEmpty { result.append(series) }
    }
    return result
  }

  /// Equal-width bins from the minimum to the maximum (NumPy's default edges) and the count
  /// in each (the last bin includes its right edge).
  static func histogram(_ values: [Double], bins: Int) -> (edges: [Double], counts: [Int]) {
    guard let low = values.min(), let high = values.max() else { return ([0, 1], [0]) }
    return ChartScenes.bins(values, low: low, high: high, count: bins)
  }

  /// Quartiles (linear interpolation), Tukey whiskers (furthest data within 1.5 IQR) and
  /// outliers.
  static func box(_ category: String, _ values: [Double]) -> BoxStats {
    let sorted = values.sorted()
    let q1 = Quantiles.of(sorted, 0.25)
    let median = Quantiles.of(sorted, 0.5)
    let q3 = Quantiles.of(sorted, 0.75)
    let iqr = q3 - q1
    let low = sorted.first { $0 >= q1 - 1.5 * iqr } ?? q1
    let high = sorted.last { $0 <= q3 + 1.5 * iqr } ?? q3
    let outliers = sorted.filter { $0 < low || $0 > high }
    return BoxStats(
      category: category, q1: q1, median: median, q3: q3, lowerWhisker: low, upperWhisker: high,
      outliers: outliers, count: sorted.count)
  }
}
