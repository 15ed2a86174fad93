internal import FFmpegIO
public import GIFToVideo
internal import LumenCore
public import ToolDispatch

/// `gif_to_video`: ``GIFToVideo/GIFToVideo`` for a model.
public struct GIFToVideoTool: Tool {
  public typealias Output = GIFToVideoReport

  public struct Arguments: ToolArguments {
    public enum Codec: String, SchemaEnum { case h264, hevc, vp9, av1 }
    public enum Preset: String, SchemaEnum {
      case ultrafast, superfast, veryfast, faster, fast, medium, slow, slower, veryslow
    }

    var input: String
    var output: String?
    var codec: Codec?
    var crf: Int?
    var preset: Preset?
    var background: String?
    var maxWidth: Int?
    var loop: Int?

    enum CodingKeys: String, CodingKey {
      case input, output, codec, crf, preset, background, loop
      case maxWidth = "max_width"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      input = try c.decode(String.self, forKey: .input)
      output = try c.decodeIfPresent(String.self, forKey: .output)
      codec = try c.decodeIfPresent(Codec.self, forKey: .codec)
      crf = try c.decodeIfPresent(Int.self, forKey: .crf)
      preset = try c.decodeIfPresent(Preset.self, forKey: .preset)
      background = try c.decodeIfPresent(String.self, forKey: .background)
      maxWidth = try c.decodeIfPresent(Int.self, forKey: .maxWidth)
      loop = try c.decodeIfPresent(Int.self, forKey: .loop)
    }

    public static let fieldDescriptions = [
      "input": "The GIF, relative to the workspace (e.g. \"animations/cat.gif\").",
      "output":
        "The video to create, relative to the workspace: .mp4 or .webm; must not exist. null: the input's name with .mp4 (.webm for vp9/av1).",
      "codec": "Video codec; null for h264 (plays everywhere), or vp9 when output ends in .webm.",
      "crf":
        "Quality, 0–51 for h264/hevc, 0–63 for vp9/av1 (lower is better); null for the codec's default (23 for h264).",
      "preset": "Encoder speed; null for medium.",
      "background":
        "Colour under transparent pixels: #rrggbb, #rgb or a CSS colour name (\"black\"); null for #ffffff.",
      "max_width":
        "Scale down to at most this many pixels wide (2–16384), keeping the aspect ratio; null keeps the size.",
      "loop":
        "How many times the animation plays in the video (1–1000; a video cannot loop forever); null plays it once.",
    ]
    public static let fieldBounds: [String: ClosedRange<Double>] = [
      "crf": 0...63, "max_width": 2...16384, "loop": 1...1000,
    ]
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
    #"{"input": "cat.gif", "output": "cat.mp4", "codec": null, "crf": null, "preset": null, "background": null, "max_width": null, "loop": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    try execute(arguments, context: context)
  }

  // The work is synchronous; keeping it out of the async function also avoids a Swift 6.3
  // optimizer crash (coroutine splitting around typed throws) in release builds.
  private func execute(_ arguments: Arguments, context: ToolContext) throws -> ToolResult {
    let input = try context.workspace.input(arguments.input, field: "input")
    let codec: VideoCodec =
      if let chosen = arguments.codec { chosen.codec } else {
        arguments.output.map(GIFToVideo.defaultCodec(forOutput:)) ?? .h264
      }
    let defaultName = GIFToVideo.defaultOutput(for: arguments.input, codec: codec)
    let output = try context.workspace.output(arguments.output ?? defaultName, field: "output")
    var options = GIFToVideoOptions()
    options.codec = codec
    options.crf = arguments.crf
    if let preset = arguments.preset { options.preset = preset.rawValue }
    if let background = arguments.background {
      guard let color = RGBColor(hex: background) else {
        throw ToolError.badArgument(
          field: "background",
          problem: "\"\(background)\" is not a colour: use \(RGBColor.syntax) (e.g. \"#000000\")")
      }
      options.background = color
    }
    options.maxWidth = arguments.maxWidth
    options.plays = arguments.loop ?? 1
    options.overwrite = false
    do { try options.validate() } catch {
      throw ToolError.badArgument(field: "(arguments)", problem: error.description)
    }
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

extension GIFToVideoTool.Arguments.Codec {
  /// The library's codec of the same name.
  var codec: VideoCodec {
    switch self {
    case .h264: .h264
    case .hevc: .hevc
    case .vp9: .vp9
    case .av1: .av1
    }
  }
}
