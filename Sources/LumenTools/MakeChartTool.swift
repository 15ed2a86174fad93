public import Charting
internal import LumenCore
public import ToolDispatch

/// `make_chart`: ``Charting/Chart`` for a model.
public struct MakeChartTool: Tool {
  public typealias Output = ChartReport

  /// The table, the chart file, the inline preview, and ``Charting/ChartOptions`` (its one
  /// description of the settings, decoded from the same arguments object).
  public struct Arguments: ToolArguments {
    var data: String
    var output: String
    var options: ChartOptions
    var preview: Bool?

    enum CodingKeys: String, CodingKey { case data, output, preview }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      data = try c.decode(String.self, forKey: .data)
      output = try c.decode(String.self, forKey: .output)
      options = try ChartOptions(from: decoder)
      preview = try c.decodeIfPresent(Bool.self, forKey: .preview)
    }

    public static let fieldDescriptions = ChartOptions.fieldDescriptions().merging([
      "data":
        "The table (CSV/TSV, JSON Lines, JSON array of objects, .xlsx), relative to the workspace.",
      "output":
        "The chart file to create, relative to the workspace: .png, .svg, .pdf or .html (interactive, self-contained); must not exist.",
      "preview":
        "true to also get a small PNG of the chart inline (an image) to look at; null for false.",
    ]) { $1 }
    public static let fieldBounds = ChartOptions.fieldBounds()
  }

  public init() {}

  public let name = "make_chart"
  public let title = "Make a chart from a table"
  public let description = """
    Draw a chart from a table file in the workspace: bar, line, area, scatter, histogram, box, \
    pie or heatmap. Columns are read by name (numbers with units, dates and categories are \
    recognised); rows sharing an x are aggregated (agg). Writes PNG, SVG (real text, each mark \
    labelled), PDF or one self-contained interactive HTML page. Returns every mark's values \
    (e.g. "day: Sun; tip (mean): 3.26"), rows used and warnings; an unknown column's error \
    lists the columns there are.
    """
  public let exampleArguments =
    #"{"data": "tips.csv", "output": "tips.png", "kind": "bar", "x": "day", "y": ["tip"], "color": null, "size_by": null, "agg": "mean", "time_unit": null, "bins": null, "sort": null, "top": null, "log_x": null, "log_y": null, "stack": null, "horizontal": null, "title": "Mean tip by day", "x_title": null, "y_title": null, "theme": null, "size": null, "scale": null, "sheet": null, "preview": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    try execute(arguments, context: context)
  }

  private func execute(_ arguments: Arguments, context: ToolContext) throws -> ToolResult {
    let data = try context.workspace.input(arguments.data, field: "data")
    let output = try context.workspace.output(arguments.output, field: "output")
    guard ChartOutputFormat(outputName: output) != nil else {
      throw ToolError.badArgument(
        field: "output", problem: "must end in .png, .svg, .pdf or .html (e.g. \"chart.png\")")
    }
    var (report, png) = try Chart.make(
      data: data, output: output, options: arguments.options,
      previewSize: arguments.preview == true ? Size(width: 480, height: 300) : nil)
    report.output = context.workspace.relative(report.output)
    let shown = report.marks.prefix(12).joined(separator: "\n")
    var text =
      "Wrote \(report.output): \(report.summary).\n\(shown)"
      + (report.markCount > 12
        ? "\n… \(report.markCount - 12) more marks in the structured result" : "")
    if !report.warnings.isEmpty { text += "\nWarnings: " + report.warnings.joined(separator: "; ") }
    var preview: ToolPreview?
    if let png {
      preview = ToolPreview(format: .png, bytes: png)
      if preview == nil {
        text += " (preview left out: \(png.count) bytes is over \(ToolPreview.byteLimit))"
      }
    }
    return ToolResult(
      isError: false, text: text, structured: try JSONText.value(of: report),
      files: [report.output], preview: preview)
  }
}
