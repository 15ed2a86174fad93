internal import Charting
internal import Dispatch
internal import Foundation
public import LumenCore
public import Tables

/// `lumen analyze`: one pass over a table file (streamed in batches, columns in parallel) to
/// `stats.json` (pandas' `describe` and more, per column), charts chosen by rule (PNG and SVG)
/// and a self-contained `report.html`.
///
/// ```swift
/// let report = try TableAnalysis.analyze(data: "orders.csv", output: "orders-analysis")
/// print(report.statistics!.columns.map(\.kind))
/// ```
///
/// Shards analysed apart combine: ``writePartial(data:output:options:overwrite:limits:)``
/// writes each shard's mergeable state, ``merge(states:output:options:overwrite:)`` makes the
/// folder from them.
public enum TableAnalysis {
  /// Analyses `data` into the folder `output` (created if missing).
  ///
  /// - Parameter overwrite: Replace the files of an earlier analysis in `output`.
  /// - Throws: ``AnalysisError``, ``TableError`` for the table, `OutputFile.Failure` when the
  ///   folder holds an analysis already (without `overwrite`) or cannot be written.
  public static func analyze(
    data: String, output: String, options: AnalysisOptions = AnalysisOptions(),
    overwrite: Bool = false, limits: TableReader.Limits = TableReader.Limits()
  ) throws -> AnalysisReport {
    let started = DispatchTime.now()
    try options.validate()
    let writer = try FolderWriter(folder: output, inputs: [data], overwrite: overwrite)
    let (profile, summary) = try profile(data: data, options: options, limits: limits)
    return try finish(
      consume profile, source: data, format: summary.format.phrase, options: options,
      writer: writer,
      started: started)
  }

  /// Analyses one shard of a dataset into a mergeable state file (JSON) at `output`.
  public static func writePartial(
    data: String, output: String, options: AnalysisOptions = AnalysisOptions(),
    overwrite: Bool = false, limits: TableReader.Limits = TableReader.Limits()
  ) throws -> AnalysisReport {
    let started = DispatchTime.now()
    try options.validate()
    let file = try OutputFile(destination: output, inputs: [data], overwrite: overwrite)
    let (profile, summary) = try profile(data: data, options: options, limits: limits)
    let state = AnalysisState(
      sources: [data], format: summary.format.phrase, profile: profile)
    do {
      try state.encoded().withUnsafeBytes { try FileContents.write($0, to: file.temporaryPath) }
    } catch let failure as OutputFile.Failure {
      throw AnalysisError.outputFailed("cannot write \(output): \(failure.reason)")
    } catch {
      throw AnalysisError.outputFailed("cannot write \(output): \(error.localizedDescription)")
    }
    try file.commit()
    return AnalysisReport(
      output: output, files: [output], charts: [], rows: profile.rows,
      columns: profile.columns.count, warnings: profile.warnings, statistics: nil,
      seconds: seconds(since: started))
  }

  /// Combines the partial states of shards (in the order given: their rows follow one
  /// another) into the folder `output`, as one analysis of all their rows.
  public static func merge(
    states: [String], output: String, options: AnalysisOptions = AnalysisOptions(),
    overwrite: Bool = false
  ) throws -> AnalysisReport {
    let started = DispatchTime.now()
    try options.validate()
    guard !states.isEmpty else {
      throw AnalysisError.invalidOption("merge needs at least one partial state file")
    }
    let writer = try FolderWriter(folder: output, inputs: states, overwrite: overwrite)
    var merged: AnalysisState?
    for path in states {
      try Task.checkCancellation()
      let state = try AnalysisState.read(path)
      if merged == nil {
        merged = state
      } else {
        try merged!.merge(state)
      }
    }
    let state = merged!
    return try finish(
      state.profile, source: state.sources.joined(separator: ", "), format: state.format,
      options: options, writer: writer, started: started)
  }

  /// Reads the table batch by batch into a profile.
  static func profile(data: String, options: AnalysisOptions, limits: TableReader.Limits)
    throws -> (TableProfile, TableReader.BatchSummary)
  {
    var limits = limits
    limits.maxColumns = min(limits.maxColumns, options.maxColumns)
    // CSV/TSV and JSON Lines stream in batches: a file larger than memory is fine (formats
    // parsed whole keep their own limit, maxWholeFileBytes).
    limits.maxWholeFileBytes = min(limits.maxWholeFileBytes, limits.maxFileBytes)
    limits.maxFileBytes = options.maxFileBytes
    limits.maxRows = options.maxRows
    var profile = TableProfile(sizes: .init(exactLimit: options.exactLimit))
    let summary = try TableReader.readBatches(
      path: data, columns: options.columns, sheet: options.sheet, limits: limits,
      batchRows: options.batchRows, numericIDs: true
    ) { (table) throws(TableError) in
      if Task.isCancelled { throw .cancelled }
      profile.add(table)
    }
    for warning in summary.warnings { profile.appendWarning(warning) }
    return (profile, summary)
  }

  private static func finish(
    _ profile: consuming TableProfile, source: String, format: String, options: AnalysisOptions,
    writer: FolderWriter, started: DispatchTime
  ) throws -> AnalysisReport {
    try Task.checkCancellation()
    profile.sortValues()
    var stats = StatisticsBuilder.statistics(profile, source: source, format: format)
    profile.releaseValues()
    let planned = ChartRules.plan(stats, profile, maxCharts: options.maxCharts)
    var drawn: [(ChartChoice, String)] = []
    var session = writer.session()
    var json = Data()
    do {
      for (index, chart) in planned.enumerated() {
        try Task.checkCancellation()
        let scene: ChartScene
        switch chart.source {
        case .table(let table, let chartOptions):
          scene = try ChartScenes.scene(table: table, options: chartOptions).0
        case .histogram(let edges, let counts, let column, let chartOptions):
          scene = try ChartScenes.histogram(
            edges: edges, counts: counts, column: column, options: chartOptions)
        }
        let id =
          String(format: "%02d-", index + 1)
          + slug(chart.kind + " " + chart.columns.prefix(2).joined(separator: " "))
        let png = "charts/\(id).png"
        let svg = "charts/\(id).svg"
        try session.write(png) { path in
          try SceneFile.write(scene, format: .png, to: path, scale: 1)
        }
        let svgText = ChartScenes.svgFile(scene)
        try session.write(svg) { path in
          try FileContents.write(svgText, to: path)
        }
        let choice = ChartChoice(
          id: id, kind: chart.kind, title: chart.title, columns: chart.columns, why: chart.why,
          png: png, svg: svg)
        drawn.append((choice, ChartScenes.inlineSVG(fromFile: svgText)))
      }
      stats.charts = drawn.map(\.0)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      json = try encoder.encode(stats)
      try session.write("stats.json") { path in
        try json.withUnsafeBytes { try FileContents.write($0, to: path) }
      }
      let page = ReportPage.html(stats, charts: drawn)
      try session.write("report.html") { path in
        try FileContents.write(page, to: path)
      }
      try session.done()
    } catch {
      session.undo()
      throw error
    }
    var report = AnalysisReport(
      output: writer.folder, files: ["stats.json", "report.html"].map(writer.path),
      charts: drawn.flatMap { [writer.path($0.0.png), writer.path($0.0.svg)] },
      rows: stats.rows, columns: stats.columnCount, warnings: stats.warnings.map(\.message),
      statistics: stats, seconds: seconds(since: started))
    report.statisticsJSON = [UInt8](json)
    return report
  }

  static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  /// A file name from words: lowercase ASCII letters and digits joined by `-`.
  static func slug(_ text: String) -> String {
    var out = ""
    for scalar in text.lowercased().unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else if !out.hasSuffix("-") {
        out.append("-")
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return String(out.prefix(60))
  }
}
