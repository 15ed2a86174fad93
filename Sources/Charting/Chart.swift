internal import Drawing
internal import Foundation
public import LumenCore
internal import PNGCodec
public import Tables

/// `lumen chart`: a chart from a table file, as PNG, SVG, PDF or self-contained HTML.
///
/// ```swift
/// var options = ChartOptions()
/// options.kind = .bar
/// options.x = "day"
/// options.y = ["tip"]
/// options.aggregation = .mean
/// let report = try Chart.make(data: "tips.csv", output: "tips.svg", options: options)
/// ```
public enum Chart {
  /// Reads the table (only the columns the chart uses), builds the chart once as a scene and
  /// writes it in the format the output's extension names.
  ///
  /// - Throws: ``ChartError`` for options and data that do not fit, ``TableError`` for the
  ///   table, `OutputFile.Failure` when the output cannot be written (it exists, is the
  ///   input, its folder is missing).
  public static func make(
    data: String, output: String, options: ChartOptions, overwrite: Bool = false,
    limits: TableReader.Limits = TableReader.Limits()
  ) throws -> ChartReport {
    try make(
      data: data, output: output, options: options, overwrite: overwrite, limits: limits,
      previewSize: nil
    ).report
  }

  /// ``make(data:output:options:overwrite:limits:)`` and, from the same reading of the table,
  /// a small PNG of the chart laid out at `previewSize` (a tool's inline preview).
  public static func make(
    data: String, output: String, options: ChartOptions, overwrite: Bool = false,
    limits: TableReader.Limits = TableReader.Limits(), previewSize: Size?
  ) throws -> (report: ChartReport, preview: [UInt8]?) {
    try options.validate()
    guard let format = ChartOutputFormat(outputName: output) else {
      throw ChartError.invalidOption(
        "\(output): the output must end in .png, .svg, .pdf or .html (the format follows the name)")
    }
    try OutputFile.check(destination: output, inputs: [data], overwrite: overwrite)
    let table = try TableReader.read(
      path: data, columns: options.columns, sheet: options.sheet, limits: limits)
    try Task.checkCancellation()
    var (scene, used, warnings) = try Self.scene(table: table, options: options)
    warnings = table.warnings + warnings
    try Task.checkCancellation()
    let file = try OutputFile(destination: output, inputs: [data], overwrite: overwrite)
    do {
      if format == .html {
        try FileContents.write(HTMLPage.html(scene, theme: options.theme), to: file.temporaryPath)
      } else {
        try SceneFile.write(scene, format: format, to: file.temporaryPath, scale: options.scale)
      }
    } catch let error as any LumenError {
      throw error
    } catch {
      throw ChartError.outputFailed("cannot write \(output): \(error.localizedDescription)")
    }
    try file.commit()
    var preview: [UInt8]?
    if let previewSize {
      var small = options
      small.size = previewSize
      let (previewScene, _, _) = try Self.scene(table: table, options: small)
      preview = try SceneFile.png(previewScene)
    }
    let marks = scene.marks
    let report = ChartReport(
      output: output, format: format, kind: options.kind, rowsRead: table.rowCount,
      rowsUsed: used,
      aggregation: options.kind == .scatter || options.kind == .histogram || options.kind == .box
        ? nil : ChartBuilder.aggregation(options),
      valueTitle: ChartBuilder.valueTitle(options), marks: marks.prefix(500).map(\.label),
      markCount: marks.count, width: options.size.width, height: options.size.height,
      warnings: warnings)
    return (report, preview)
  }

  /// The scene for a table, its text measured with Pango.
  static func scene(table: Table, options: ChartOptions) throws -> (ChartScene, Int, [String]) {
    let measurer = try Canvas(size: Size(width: 1, height: 1), fill: options.theme.background)
    try measurer.loadText()
    return try build(table: table, options: options, measurer: measurer)
  }

  /// The scene for a table: groups, aggregates and lays out by kind.
  static func build(table: Table, options: ChartOptions, measurer: consuming Canvas)
    throws(ChartError) -> (ChartScene, Int, [String])
  {
    let input = ChartInput(table: table, options: options)
    var layout = ChartLayout(options: options, measurer: measurer)
    let valueTitle = ChartBuilder.valueTitle(options)
    let unit = options.y.first.flatMap { table.column($0)?.unit }
    let x = table.column(options.x)!
    var used = table.rowCount
    var warnings: [String] = []
    let xMissing = x.missingCount
    if xMissing > 0 {
      warnings.append("\(xMissing) row(s) have no \(options.x) and were left out")
      used -= xMissing
    }
    switch options.kind {
    case .bar, .pie:
      let data = try ChartBuilder.categoryTable(input)
      guard !data.categories.isEmpty else {
        throw .unsuitableData("no rows have a value for \(options.x)")
      }
      warnings += data.warnings
      if options.kind == .bar {
        layout.bars(data, valueTitle: valueTitle, unit: unit)
      } else {
        layout.pie(data, valueTitle: valueTitle, unit: unit)
      }
    case .line, .area:
      if x.kind.isNumeric || (x.kind.isTemporal && options.timeUnit == nil) {
        var series = try ChartBuilder.pointSeries(input, aggregate: true)
        guard !series.isEmpty else {
          throw .unsuitableData("no rows have both \(options.x) and a value")
        }
        if let longest = series.map(\.xs.count).max(), longest > ChartBuilder.maxLinePoints {
          series = series.map(ChartBuilder.thinned)
          warnings.append(
            "\(longest) points per line were averaged into at most \(ChartBuilder.maxLinePoints) intervals of \(options.x)"
          )
        }
        layout.numericXY(
          series, xColumn: x, valueTitle: valueTitle, unit: unit, scatter: false,
          area: options.kind == .area)
      } else {
        let data = try ChartBuilder.categoryTable(input)
        warnings += data.warnings
        layout.categoryLines(data, valueTitle: valueTitle, unit: unit, area: options.kind == .area)
      }
    case .scatter:
      var series = try ChartBuilder.pointSeries(input, aggregate: false)
      let total = series.reduce(0) { $0 + $1.xs.count }
      guard total > 0 else {
        throw .unsuitableData("no rows have numbers in both \(options.x) and \(options.y[0])")
      }
      used = total
      if total > options.maxPoints {
        var random = SplitMix64(seed: 42)
        let keep = Double(options.maxPoints) / Double(total)
        for s in series.indices {
          var kept = PointSeries(
            name: series[s].name, xs: [], ys: [], sizes: series[s].sizes == nil ? nil : [])
          for i in series[s].xs.indices where Double(random.next() >> 11) / Double(1 << 53) < keep {
            kept.xs.append(series[s].xs[i])
            kept.ys.append(series[s].ys[i])
            kept.sizes?.append(series[s].sizes![i])
          }
          series[s] = kept
        }
        warnings.append(
          "\(total) points were sampled down to about \(options.maxPoints) (seeded, every point equally likely)"
        )
      }
      layout.numericXY(
        series, xColumn: x, valueTitle: options.y[0], unit: unit, scatter: true, area: false)
    case .histogram:
      let values = try input.numbers(options.x, role: "x").compactMap { $0 }.filter(\.isFinite)
      guard !values.isEmpty else { throw .unsuitableData("\(options.x) has no numbers to count") }
      used = values.count
      let (edges, counts) = ChartBuilder.histogram(values, bins: options.bins)
      layout.histogram(edges: edges, counts: counts, column: x)
    case .box:
      let ys = try input.numbers(options.y[0], role: "y")
      let (keys, labels) = input.xCategories()
      guard labels.count <= ChartBuilder.maxCategories(.box) else {
        throw .limitExceeded(
          "\(options.x) has \(labels.count) distinct values; a box chart shows at most \(ChartBuilder.maxCategories(.box)) boxes (choose a column with fewer values)"
        )
      }
      var groups = Array(repeating: [Double](), count: labels.count)
      for row in 0..<table.rowCount {
        if let k = keys[row], let v = ys[row] { groups[k].append(v) }
      }
      let stats = labels.indices.filter { !groups[$0].isEmpty }.map {
        ChartBuilder.box(labels[$0], groups[$0])
      }
      guard !stats.isEmpty else {
        throw .unsuitableData("no rows have both \(options.x) and \(options.y[0])")
      }
      used = stats.reduce(0) { $0 + $1.count }
      layout.boxes(stats, unit: unit)
    case .heatmap:
      let (xKeys, columns) = input.xCategories()
      var rowOptions = options
      rowOptions.x = options.y[0]
      let rowInput = ChartInput(table: table, options: rowOptions)
      let (yKeys, rows) = rowInput.xCategories()
      let most = ChartBuilder.maxCategories(.heatmap)
      for (name, count) in [(options.x, columns.count), (options.y[0], rows.count)]
      where count > most {
        throw .limitExceeded(
          "\(name) has \(count) distinct values; a heatmap shows at most \(most) a side (group dates with time_unit, or choose a column with fewer values)"
        )
      }
      let agg = ChartBuilder.aggregation(options)
      let values = try options.color.map { (name) throws(ChartError) in
        try input.numbers(name, role: "color")
      }
      var cells = Array(
        repeating: Array(repeating: (values: [Double](), rows: 0), count: columns.count),
        count: rows.count)
      for row in 0..<table.rowCount {
        guard let c = xKeys[row], let r = yKeys[row] else { continue }
        cells[r][c].rows += 1
        if let v = values?[row] { cells[r][c].values.append(v) }
      }
      let grid = cells.map {
        $0.map { $0.rows == 0 ? Double.nan : agg.apply($0.values, rows: $0.rows) }
      }
      // One row per cell (a matrix in long form): the value is the column's own, unaggregated.
      let single = cells.allSatisfy { $0.allSatisfy { $0.rows <= 1 } }
      let title =
        options.color.map {
          agg == .count ? "count" : single ? $0 : "\($0) (\(agg.rawValue))"
        } ?? "count"
      layout.heatmap(
        columns: columns, rows: rows, values: grid, valueTitle: title,
        unit: options.color.flatMap { table.column($0)?.unit })
    }
    let title =
      options.title
      ?? "\(options.kind.rawValue) of \(options.y.isEmpty ? options.x : options.y.joined(separator: ", ")) by \(options.x)"
    return (layout.scene(title: title), max(used, 0), warnings)
  }
}
