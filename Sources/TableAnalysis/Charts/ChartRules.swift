internal import Charting
internal import Foundation
internal import Tables

/// The rules that choose the analysis' charts, most informative first: a line over time per
/// measure (resampled), the most correlated pair as a scatter, the correlation heatmap, bars
/// of means where a category explains a measure, then bars of category counts and histograms
/// of the numeric columns, alternating, up to the cap.
enum ChartRules {
  /// Points drawn in a scatter chart (an SVG of more is slow to open and no clearer).
  static let maxScatterPoints = 3_000

  static func plan(_ stats: TableStatistics, _ profile: TableProfile, maxCharts: Int)
    -> [PlannedChart]
  {
    guard maxCharts > 0 else { return [] }
    let skipped = Set(stats.warnings.filter { $0.kind == .suspiciousID }.compactMap(\.column))
    let byName = Dictionary(
      stats.columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var first: [PlannedChart] = []
    first += lines(stats, profile, byName)
    if let scatter = scatter(stats, profile) { first.append(scatter) }
    if let heatmap = heatmap(stats) { first.append(heatmap) }
    first += groupBars(profile, byName, skipped)
    var categories: [PlannedChart] = []
    var histograms: [PlannedChart] = []
    for column in stats.columns where !skipped.contains(column.name) {
      if column.kind == .category || column.kind == .boolean, column.distinct > 1 {
        categories.append(countBar(column))
      } else if column.kind.isNumeric, let values = column.topValues, column.distinct > 1,
        column.distinct <= StatisticsBuilder.smallNumberValues, column.distinctExact,
        column.distinct * 2 <= column.count
      {
        histograms.append(valueBar(column, values))
      } else if column.kind.isNumeric, let histogram = column.histogram, column.distinct > 1 {
        histograms.append(self.histogram(column, histogram))
      }
    }
    var rest: [PlannedChart] = []
    for i in 0..<max(categories.count, histograms.count) {
      if i < categories.count { rest.append(categories[i]) }
      if i < histograms.count { rest.append(histograms[i]) }
    }
    return Array((first + rest).prefix(maxCharts))
  }

  static func options(
    _ kind: ChartKind, x: String, y: [String], title: String, yTitle: String? = nil
  ) -> ChartOptions {
    var options = ChartOptions()
    options.yTitle = yTitle
    options.kind = kind
    options.x = x
    options.y = y
    options.title = title
    return options
  }

  static func table(_ columns: [TableColumn]) -> Table {
    Table(
      source: "analysis", format: .delimited, header: columns.map(\.name), columns: columns,
      rowCount: columns.first?.values.count ?? 0)
  }

  private static func lines(
    _ stats: TableStatistics, _ profile: TableProfile, _ byName: [String: ColumnStatistics]
  ) -> [PlannedChart] {
    guard let series = profile.timeSeries, let resampled = series.resampled(),
      resampled.starts.count >= 2, let time = byName[series.time]
    else { return [] }
    let timeColumn = TableColumn(
      name: series.time, kind: time.kind == .datetime ? .datetime : .date,
      values: .moments(resampled.starts))
    let measures = series.measures.enumerated().filter { byName[$0.element]?.count ?? 0 > 0 }
    let span =
      "\(resampled.starts.count) \(resampled.unit)s from \(time.min?.shown ?? "") to \(time.max?.shown ?? "")"
    if measures.isEmpty {
      let title = "Rows per \(resampled.unit)"
      return [
        PlannedChart(
          kind: "line", title: title, columns: [series.time],
          why:
            "\(series.time) is a time column and no column is a measure: the rows per \(resampled.unit), \(span)",
          source: .table(
            table([
              timeColumn,
              TableColumn(
                name: "rows", kind: .integer, values: .numbers(resampled.rows.map(Double.init))),
            ]), options(.line, x: series.time, y: ["rows"], title: title, yTitle: "rows")))
      ]
    }
    return measures.prefix(2).map { m, name in
      let valueName = "mean \(name)"
      let title = "Mean \(name) per \(resampled.unit)"
      var values = TableColumn(
        name: valueName, kind: .float,
        values: .numbers(resampled.means[m].map { $0.isNaN ? nil : $0 }))
      values.unit = profile.columns.first { $0.name == name }?.unit
      return PlannedChart(
        kind: "line", title: title, columns: [series.time, name],
        why:
          "\(series.time) is a time column and \(name) a measure: its mean per \(resampled.unit), \(span)",
        source: .table(
          table([timeColumn, values]),
          options(.line, x: series.time, y: [valueName], title: title, yTitle: valueName))
      )
    }
  }

  private static func scatter(_ stats: TableStatistics, _ profile: TableProfile) -> PlannedChart? {
    guard let pair = stats.strongestPairs.first, abs(pair.pearson) >= 0.3,
      let i = profile.numeric.firstIndex(of: pair.a),
      let j = profile.numeric.firstIndex(of: pair.b)
    else { return nil }
    var xs: [Double?] = []
    var ys: [Double?] = []
    // The sample is in random order: its first points are a sample too.
    let (x, y) = (profile.sample.column(i), profile.sample.column(j))
    for r in x.indices where !x[r].isNaN && !y[r].isNaN {
      xs.append(x[r])
      ys.append(y[r])
      if xs.count == maxScatterPoints { break }
    }
    guard xs.count >= 2 else { return nil }
    let title = "\(pair.b) against \(pair.a)"
    let sampled =
      profile.sample.isComplete
      ? "every row"
      : "a seeded sample of \(NumberFormat.grouped(Int64(profile.sample.count))) rows"
    return PlannedChart(
      kind: "scatter", title: title, columns: [pair.a, pair.b],
      why:
        "\(pair.a) and \(pair.b) are the most correlated pair (Pearson r = \(String(format: "%.3f", pair.pearson))); \(sampled)",
      source: .table(
        table([
          TableColumn(name: pair.a, kind: .float, values: .numbers(xs)),
          TableColumn(name: pair.b, kind: .float, values: .numbers(ys)),
        ]), options(.scatter, x: pair.a, y: [pair.b], title: title)))
  }

  private static func heatmap(_ stats: TableStatistics) -> PlannedChart? {
    guard let correlations = stats.correlations, correlations.columns.count >= 3 else {
      return nil
    }
    var a: [String?] = []
    var b: [String?] = []
    var r: [Double?] = []
    for (i, x) in correlations.columns.enumerated() {
      for (j, y) in correlations.columns.enumerated() {
        a.append(x)
        b.append(y)
        r.append(correlations.pearson[j][i])
      }
    }
    var options = options(
      .heatmap, x: "column", y: ["against"], title: "Correlations (Pearson)")
    options.color = "r"
    options.aggregation = .mean
    options.xTitle = ""
    options.yTitle = ""
    return PlannedChart(
      kind: "heatmap", title: "Correlations (Pearson)", columns: correlations.columns,
      why: "\(correlations.columns.count) numeric columns: how each pair moves together",
      source: .table(
        table([
          TableColumn(name: "column", kind: .category, values: .texts(TextValues(a))),
          TableColumn(name: "against", kind: .category, values: .texts(TextValues(b))),
          TableColumn(name: "r", kind: .float, values: .numbers(r)),
        ]), options))
  }

  private static func groupBars(
    _ profile: TableProfile, _ byName: [String: ColumnStatistics], _ skipped: Set<String>
  ) -> [PlannedChart] {
    let ranked =
      profile.groups
      .filter {
        !skipped.contains($0.measure) && $0.labels.count >= 2
          && (byName[$0.category]?.distinct ?? 0) > 1
      }
      .map { ($0, $0.etaSquared) }
      .filter { $0.1 >= 0.02 }
      .sorted { $0.1 > $1.1 }
    var used = Set<String>()
    var charts: [PlannedChart] = []
    for (group, eta) in ranked where !used.contains(group.measure) && charts.count < 2 {
      used.insert(group.measure)
      let valueName = "mean \(group.measure)"
      let title = "Mean \(group.measure) by \(group.category)"
      var options = options(
        .bar, x: group.category, y: [valueName], title: title, yTitle: valueName)
      options.sort = .descending
      options.aggregation = .sum
      var values = TableColumn(
        name: valueName, kind: .float,
        values: .numbers(group.moments.map { $0.count > 0 ? $0.mean : nil }))
      values.unit = profile.columns.first { $0.name == group.measure }?.unit
      charts.append(
        PlannedChart(
          kind: "bar", title: title, columns: [group.category, group.measure],
          why:
            "\(group.category) is a category and \(group.measure) a measure: the groups explain \(StatisticsBuilder.percent(eta)) of its variance (η²)",
          source: .table(
            table([
              TableColumn(
                name: group.category, kind: .category, values: .texts(TextValues(group.labels))),
              values,
            ]), options)))
    }
    return charts
  }

  private static func countBar(_ column: ColumnStatistics) -> PlannedChart {
    let top = column.topValues ?? []
    var labels: [String?] = top.map(\.value)
    var counts: [Double?] = top.map { Double($0.count) }
    let shown = top.reduce(0) { $0 + $1.count }
    if column.count > shown {
      labels.append("other")
      counts.append(Double(column.count - shown))
    }
    let title = "Rows per \(column.name)"
    var options = options(.bar, x: column.name, y: ["rows"], title: title, yTitle: "rows")
    options.aggregation = .sum
    let rest = column.count > shown ? " (the top \(top.count), the rest as other)" : ""
    return PlannedChart(
      kind: "bar", title: title, columns: [column.name],
      why:
        "\(column.name) is a \(column.kind.rawValue) with \(column.distinct) values: rows per value\(rest)",
      source: .table(
        table([
          TableColumn(name: column.name, kind: .category, values: .texts(TextValues(labels))),
          TableColumn(name: "rows", kind: .integer, values: .numbers(counts)),
        ]), options))
  }

  /// A number with few values: rows per value, in the values' order.
  private static func valueBar(_ column: ColumnStatistics, _ values: [ColumnStatistics.TopValue])
    -> PlannedChart
  {
    let ordered = values.sorted { (Double($0.value) ?? 0) < (Double($1.value) ?? 0) }
    let title = "Rows per \(column.name)"
    var options = options(.bar, x: column.name, y: ["rows"], title: title, yTitle: "rows")
    options.aggregation = .sum
    var labels = TableColumn(
      name: column.name, kind: .category, values: .texts(TextValues(ordered.map(\.value))))
    labels.unit = column.unit.flatMap(ValueUnit.init(rawValue:))
    return PlannedChart(
      kind: "bar", title: title, columns: [column.name],
      why:
        "\(column.name) is numeric with only \(column.distinct) distinct values: rows per value",
      source: .table(
        table([
          labels,
          TableColumn(
            name: "rows", kind: .integer, values: .numbers(ordered.map { Double($0.count) })),
        ]), options))
  }

  private static func histogram(
    _ column: ColumnStatistics, _ histogram: ColumnStatistics.Histogram
  ) -> PlannedChart {
    let title = "Distribution of \(column.name)"
    var axis = TableColumn(name: column.name, kind: column.kind, values: .numbers([]))
    axis.unit = column.unit.flatMap(ValueUnit.init(rawValue:))
    let outliers = column.outliers.map { $0 > 0 ? ", \($0) outlier(s) beyond 1.5 IQR" : "" } ?? ""
    let skew =
      column.skew.map { abs($0) >= 1 ? ", skewed (\(String(format: "%.2f", $0)))" : "" } ?? ""
    return PlannedChart(
      kind: "histogram", title: title, columns: [column.name],
      why:
        "\(column.name) is numeric: its distribution in \(histogram.counts.count) equal bins\(skew)\(outliers)",
      source: .histogram(
        edges: histogram.edges, counts: histogram.counts.map { Int($0.rounded()) }, column: axis,
        options: options(.histogram, x: column.name, y: [], title: title)))
  }
}
