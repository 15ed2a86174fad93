internal import Geo
internal import LumenCore
public import MapRendering
internal import PNGCodec
public import ToolDispatch

/// `render_map_animation`: ``MapRendering/MapAnimation`` for a model.
public struct RenderMapAnimationTool: Tool {
  public typealias Output = MapReport

  /// The CSV, the output, the inline preview, and ``MapRendering/MapOptions`` (its one
  /// description of the settings, decoded from the same arguments object).
  public struct Arguments: ToolArguments {
    var points: String
    var output: String?
    var options: MapOptions
    var preview: Bool?

    enum CodingKeys: String, CodingKey { case points, output, preview }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      points = try c.decode(String.self, forKey: .points)
      output = try c.decodeIfPresent(String.self, forKey: .output)
      options = try MapOptions(from: decoder)
      preview = try c.decodeIfPresent(Bool.self, forKey: .preview)
    }

    public static let fieldDescriptions = MapOptions.fieldDescriptions(narrowed: serverBounds)
      .merging([
        "points":
          "A CSV of points relative to the workspace, with a header row: lat/latitude and lon/lng/longitude columns (or name them with lat_column/lon_column); optional name, color, size and characteristic (e.g. \"Fl(2) R 6s\") columns.",
        "output":
          "The file to create, relative to the workspace; must not exist. .gif, .mp4, .webm or .png (one poster frame). null: the CSV's name with .gif.",
        "preview":
          "true to also get a 400×250 PNG of the brightest frame inline (under 100 KB) to look at; null for false.",
      ]) { $1 }
    public static let fieldBounds = MapOptions.fieldBounds(narrowed: serverBounds)

    /// A model's maps are smaller and shorter than the command line's (server limits).
    static let serverBounds: [String: ClosedRange<Double>] = [
      "width": 16...1920, "height": 16...1080, "fps": 1...30, "seconds": 0.1...30,
    ]
  }

  /// Server limits, never from arguments.
  static let maxPoints = 100_000
  static let maxInputBytes = 64 << 20

  public init() {}

  public let name = "render_map_animation"
  public let title = "Animated map of points"
  public let description = """
    Draw the points of a CSV in the workspace as lights blinking on a map and save it as an \
    animated GIF (or MP4/WebM, or a PNG frame). Offline basemaps: US states in Albers-USA with \
    Alaska/Hawaii insets, world countries, or a lat/lon box. Each point blinks with its own \
    rhythm (a nautical light characteristic column such as "Fl W 4s" is honoured, otherwise a \
    seeded default). Use it for "make a map where every X blinks". Returns the output's path, \
    points drawn and skipped (with reasons), region, projection, frames, bytes and warnings.
    """
  public let exampleArguments =
    #"{"points": "lighthouses.csv", "output": "lighthouses.gif", "title": "US lighthouses", "region": null, "theme": null, "width": null, "height": null, "fps": null, "seconds": null, "label": null, "lat_column": null, "lon_column": null, "loop": null, "attribution": null, "seed": null, "preview": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    try execute(arguments, context: context)
  }

  // The work is synchronous; keeping it out of the async function also avoids a Swift 6.3
  // optimizer crash (coroutine splitting around typed throws) in release builds.
  private func execute(_ arguments: Arguments, context: ToolContext) throws -> ToolResult {
    let input = try context.workspace.input(arguments.points, field: "points")
    let output = try context.workspace.output(
      arguments.output ?? MapAnimation.defaultOutput(for: arguments.points), field: "output")
    guard let format = MapOutputFormat(path: output) else {
      throw ToolError.badArgument(
        field: "output", problem: "must end in .gif, .mp4, .webm or .png (e.g. \"map.gif\")")
    }
    var options = arguments.options
    options.maxPoints = Self.maxPoints
    options.overwrite = false
    if let problem = options.validationFailure() {
      throw MapError.invalidOption(problem)
    }
    let table = try PointTable.read(
      path: input, latitudeColumn: options.latitudeColumn, longitudeColumn: options.longitudeColumn,
      maxPoints: Self.maxPoints, maxBytes: Self.maxInputBytes)
    var report = try MapAnimation.render(
      table, input: input, output: output, format: format, options: options
    ) { done, total in context.progress(done, total) }
    report.input = context.workspace.relative(report.input)
    report.output = context.workspace.relative(report.output)

    var text =
      "Wrote \(report.output): \(report.format.uppercased()) \(report.width)×\(report.height), "
      + "\(counted(report.frames, "frame")), \(report.outputBytes) bytes; \(counted(report.pointsDrawn, "point")) drawn"
      + (report.skipped.isEmpty ? "." : ", \(report.skipped.values.reduce(0, +)) skipped.")
    var preview: ToolPreview?
    if arguments.preview == true {
      var small = options
      small.size = Size(width: 400, height: 250)
      let png = try PNGFile.encode(try MapAnimation.poster(table, options: small))
      preview = ToolPreview(format: .png, bytes: png)
      if preview == nil {
        text += " (preview left out: \(png.count) bytes is over \(ToolPreview.byteLimit))"
      }
    }
    return ToolResult(
      isError: false, text: text, structured: try JSONText.value(of: report),
      files: [report.output],
      preview: preview)
  }
}
