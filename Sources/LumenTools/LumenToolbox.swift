internal import LumenCore
public import ToolDispatch

/// Registers Lumen's media operations with a (media-agnostic) ``ToolDispatch/ToolRegistry``.
public enum LumenToolbox {
  /// What Lumen tells a model it is for (MCP `instructions`).
  public static let instructions = """
    Lumen does media jobs on files in one workspace folder, each as one fast native operation: \
    gif_to_video turns an animated GIF into an MP4/WebM with the exact timing browsers play; \
    extract_palette finds an image's dominant colours (hex, share, CSS name) and can draw a \
    swatch; render_map_animation draws the points of a CSV (latitude/longitude columns) as \
    blinking lights on an offline map (GIF, MP4, WebM or PNG); make_chart draws a chart \
    (bar, line, area, scatter, histogram, box, pie, heatmap) from a table (CSV, JSON, xlsx) as \
    PNG, SVG, PDF or interactive HTML; make_heatmap draws heatmaps (an offline HTML page or \
    PNG/SVG/PDF); analyze_table profiles a table (statistics, charts, report); make_gif makes \
    an animated GIF from a video, a GIF or images. Every path is relative to the \
    workspace: call list_files first to see what is there and get exact names. Outputs must be \
    new names (nothing is ever overwritten); leave optional arguments out (or null) for defaults. \
    Errors say what to change; the files written come back as resource links.
    """

  /// A registry with every Lumen tool.
  public static func registry(policy: ToolRegistry.Policy = .init()) throws -> ToolRegistry {
    let registry = ToolRegistry(
      policy: policy, instructions: instructions, describeFailure: failureText(for:))
    try registry.register(GIFToVideoTool())
    try registry.register(ExtractPaletteTool())
    try registry.register(RenderMapAnimationTool())
    try registry.register(MakeChartTool())
    try registry.register(MakeHeatmapTool())
    try registry.register(AnalyzeTableTool())
    try registry.register(MakeGIFTool())
    try registry.register(ListFilesTool())
    return registry
  }

  /// A Lumen error as a model reads it: its category, then what is wrong
  /// ("limit exceeded: the GIF's screen is 70000×70000 pixels, more than …").
  @Sendable static func failureText(for error: any Error) -> String? {
    guard let error = error as? any LumenError else { return nil }
    return "\(error.category.phrase): \(error)"
  }
}
