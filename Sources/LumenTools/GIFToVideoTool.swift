internal import FFmpegIO
public import GIFToVideo
internal import LumenCore
public import ToolDispatch

/// `gif_to_video`: ``GIFToVideo/GIFToVideo`` for a model.
public struct GIFToVideoTool: Tool {
  public typealias Output = GIFToVideoReport

  /// The input and output paths, and ``GIFToVideo/GIFToVideoOptions`` (its one description
  /// of the settings, decoded from the same arguments object).
  public struct Arguments: ToolArguments {
    var input: String
    var output: String?
    var options: GIFToVideoOptions

    enum CodingKeys: String, CodingKey { case input, output }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      input = try c.decode(String.self, forKey: .input)
      output = try c.decodeIfPresent(String.self, forKey: .output)
      options = try GIFToVideoOptions(from: decoder)
    }

    public static let fieldDescriptions = GIFToVideoOptions.fieldDescriptions().merging([
      "input": "The GIF, relative to the workspace (e.g. \"animations/cat.gif\").",
      "output":
        "The video to create, relative to the workspace: .mp4 or .webm; must not exist. null: the input's name with .mp4 (.webm for vp9/av1).",
    ]) { $1 }
    public static let fieldBounds = GIFToVideoOptions.fieldBounds()
  }

  public init() {}

  public let name = "gif_to_video"
  public let title = "GIF to video"
  public let description = """
    Convert an animated GIF in the workspace to an MP4 (or WebM) video with exactly the timing \
    browsers play (0–1 cs delays as 10 cs, the last frame's delay kept), odd sizes padded, \
    transparency flattened on a background. Use it when a user wants a GIF as a video. Returns \
    the output's path, duration, size in bytes, frames and warnings (damage, padding, clamped delays).
    """
  public let exampleArguments =
    #"{"input": "cat.gif", "output": "cat.mp4", "codec": null, "crf": null, "preset": null, "background": null, "max_width": null, "loop": null, "fps": null, "keep_duplicates": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    try execute(arguments, context: context)
  }

  // The work is synchronous; keeping it out of the async function also avoids a Swift 6.3
  // optimizer crash (coroutine splitting around typed throws) in release builds.
  private func execute(_ arguments: Arguments, context: ToolContext) throws -> ToolResult {
    let input = try context.workspace.input(arguments.input, field: "input")
    let options = arguments.options.settled(forOutput: arguments.output)
    let output = try context.workspace.output(
      arguments.output ?? options.defaultOutput(for: arguments.input), field: "output")
    let report = try GIFToVideo.convert(input: input, output: output, options: options) {
      done, total in
      context.progress(done, total)
    }
    var structured = try JSONText.value(of: report)
    if case .object(var object) = structured {
      object["input"] = .string(context.workspace.relative(report.input))
      object["output"] = .string(context.workspace.relative(report.output))
      structured = .object(object)
    }
    let outputPath = context.workspace.relative(output)
    return ToolResult(
      isError: false,
      text: "Wrote \(outputPath): \(report.codec) \(report.outputWidth)×\(report.outputHeight), "
        + "\(counted(report.framesEncoded, "frame")), \(report.outputDurationSeconds) s, \(report.outputBytes) bytes.",
      structured: structured, files: [outputPath])
  }
}
