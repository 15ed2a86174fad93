internal import Foundation
internal import LumenCore
public import TableAnalysis
public import ToolDispatch

/// `analyze_table`: ``TableAnalysis/TableAnalysis`` for a model.
public struct AnalyzeTableTool: Tool {
  public typealias Output = AnalysisReport

  /// The table, the output folder, the inline preview, and ``TableAnalysis/AnalysisOptions``
  /// (its one description of the settings, decoded from the same arguments object).
  public struct Arguments: ToolArguments {
    var data: String
    var output: String
    var options: AnalysisOptions
    var preview: Bool?

    enum CodingKeys: String, CodingKey { case data, output, preview }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      data = try c.decode(String.self, forKey: .data)
      output = try c.decode(String.self, forKey: .output)
      options = try AnalysisOptions(from: decoder)
      preview = try c.decodeIfPresent(Bool.self, forKey: .preview)
    }

    public static let fieldDescriptions = AnalysisOptions.fieldDescriptions().merging([
      "data":
        "The table (CSV/TSV, JSON Lines, JSON array of objects, .xlsx), relative to the workspace.",
      "output":
        "The folder to create for stats.json, charts/ and report.html, relative to the workspace; must not exist.",
      "preview":
        "true to also get the first three (most informative) charts as PNG images inline; null for false.",
    ]) { $1 }
    public static let fieldBounds = AnalysisOptions.fieldBounds()
  }

  public init() {}

  public let name = "analyze_table"
  public let title = "Analyse a table"
  public let description = """
    Analyse a table file in the workspace in one streaming pass. Returns per column the \
    inferred kind (and why), count, missing, distinct, mean, std, min, p25, p50, p75, max, \
    skew, outliers and top values (pandas describe's numbers), correlations with the \
    strongest pairs, and warnings (constant, near-unique, mixed types, heavy missingness, \
    duplicated rows, suspicious ids). Also writes charts chosen by rule (PNG and SVG, each \
    with its reason) and a self-contained report.html into the output folder, linked in the \
    result.
    """
  public let exampleArguments =
    #"{"data": "orders.csv", "output": "orders-analysis", "columns": null, "max_charts": null, "exact_limit": null, "sheet": null, "preview": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    try execute(arguments, context: context)
  }

  private func execute(_ arguments: Arguments, context: ToolContext) throws -> ToolResult {
    let data = try context.workspace.input(arguments.data, field: "data")
    let output = try context.workspace.output(arguments.output, field: "output")
    var report = try TableAnalysis.analyze(data: data, output: output, options: arguments.options)
    let topCharts = report.charts.filter { $0.hasSuffix(".png") }.prefix(3)
    report.output = context.workspace.relative(report.output)
    report.files = report.files.map(context.workspace.relative)
    report.charts = report.charts.map(context.workspace.relative)
    var text = "Wrote \(report.output): \(report.summary)."
    if let statistics = report.statistics {
      let columns = statistics.columns.map { "\($0.name) (\($0.kind.rawValue))" }
      text += "\nColumns: " + columns.joined(separator: ", ")
      if let pair = statistics.strongestPairs.first {
        text += "\nStrongest pair: \(pair.a) and \(pair.b), Pearson r = \(pair.pearson)"
      }
    }
    if !report.warnings.isEmpty { text += "\nWarnings: " + report.warnings.joined(separator: "; ") }
    var previews: [ToolPreview] = []
    if arguments.preview == true {
      for chart in topCharts {
        guard let png = FileManager.default.contents(atPath: chart) else { continue }
        if let preview = ToolPreview(format: .png, bytes: [UInt8](png)) {
          previews.append(preview)
        } else {
          text += " (a preview left out: \(png.count) bytes is over \(ToolPreview.byteLimit))"
        }
      }
    }
    return ToolResult(
      isError: false, text: text, structured: try JSONText.value(of: report),
      files: report.files + report.charts, previews: previews)
  }
}
