internal import Charting
public import Heatmaps
internal import LumenCore
public import ToolDispatch

/// `make_heatmap`: ``Heatmaps/Heatmap`` for a model.
public struct MakeHeatmapTool: Tool {
  public typealias Output = HeatmapReport

  /// The table, the chart file, the inline preview, and ``Charting/HeatmapOptions`` (its one
  /// description of the settings, decoded from the same arguments object).
  public struct Arguments: ToolArguments {
    var data: String
    var output: String
    var options: HeatmapOptions
    var preview: Bool?

    enum CodingKeys: String, CodingKey { case data, output, preview }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      data = try c.decode(String.self, forKey: .data)
      output = try c.decode(String.self, forKey: .output)
      options = try HeatmapOptions(from: decoder)
      preview = try c.decodeIfPresent(Bool.self, forKey: .preview)
    }

    public static let fieldDescriptions = HeatmapOptions.fieldDescriptions().merging([
      "data":
        "The table (CSV/TSV, JSON Lines, JSON array of objects, .xlsx), relative to the workspace.",
      "output":
        "The heatmap file to create, relative to the workspace: .html (interactive, self-contained, exact values on hover), .png, .svg or .pdf; must not exist.",
      "preview":
        "true to also get a small PNG of the heatmap inline (an image) to look at; null for false.",
    ]) { $1 }
    public static let fieldBounds = HeatmapOptions.fieldBounds()
  }

  public init() {}

  public let name = "make_heatmap"
  public let title = "Make a heatmap from a table"
  public let description = """
    Draw a heatmap from a table file in the workspace. A matrix as it stands (first column row \
    labels, header column labels); a long table pivoted with x and y (count rows, or aggregate \
    value with agg; date columns bucketed as hour:COL, weekday:COL, day:, month:, year:, \
    date:); or a calendar of a date column (weeks across, weekdays down). Colour scales \
    (viridis…, diverging rdbu… with center), range, log, order given/sort/cluster. Writes one \
    self-contained HTML page (canvas cells, hover values, zoom, no network) or PNG/SVG/PDF. \
    Returns the grid's shape, value range and missing cells.
    """
  public let exampleArguments =
    #"{"data": "events.csv", "output": "busy.html", "x": "hour:time", "y": "weekday:time", "value": null, "agg": null, "calendar": null, "lat": null, "lon": null, "weight": null, "region": null, "radius": null, "matrix": null, "scale": null, "center": null, "range": null, "log": null, "order": null, "annotate": null, "format": null, "title": "Events by weekday and hour", "x_title": null, "y_title": null, "size": null, "sheet": null, "preview": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    try execute(arguments, context: context)
  }

  private func execute(_ arguments: Arguments, context: ToolContext) throws -> ToolResult {
    let data = try context.workspace.input(arguments.data, field: "data")
    let output = try context.workspace.output(arguments.output, field: "output")
    guard ChartOutputFormat(outputName: output) != nil else {
      throw ToolError.badArgument(
        field: "output", problem: "must end in .html, .png, .svg or .pdf (e.g. \"heatmap.html\")")
    }
    var (report, png) = try Heatmap.make(
      data: data, output: output, options: arguments.options,
      previewSize: arguments.preview == true ? Size(width: 480, height: 320) : nil)
    report.output = context.workspace.relative(report.output)
    var text = "Wrote \(report.output): \(report.summary)."
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
