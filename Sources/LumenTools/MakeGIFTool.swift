internal import FFmpegIO
public import GIFMaking
internal import ImageIO
internal import LumenCore
internal import PNGCodec
public import ToolDispatch

/// `make_gif`: ``GIFMaking/MakeGIF`` for a model.
public struct MakeGIFTool: Tool {
  public typealias Output = GIFReport

  /// The input paths, the output, the inline preview, and ``GIFMaking/GIFOptions`` (its one
  /// description of the settings, decoded from the same arguments object).
  public struct Arguments: ToolArguments {
    var inputs: [String]
    var output: String?
    var preview: Bool?
    var options: GIFOptions

    enum CodingKeys: String, CodingKey { case inputs, output, preview }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      inputs = try c.decode([String].self, forKey: .inputs)
      output = try c.decodeIfPresent(String.self, forKey: .output)
      preview = try c.decodeIfPresent(Bool.self, forKey: .preview)
      options = try GIFOptions(from: decoder)
    }

    public static let fieldDescriptions = GIFOptions.fieldDescriptions().merging([
      "inputs":
        "Relative to the workspace: one video (mp4, webm, mov, mkv, avi), one GIF, or several still images in order (png, jpeg, webp); a pattern such as frames/*.png names the images in name order.",
      "output":
        "The GIF to create, relative to the workspace; must end in .gif and not exist. null: the first input's name with .gif.",
      "preview":
        "true also returns the first frame as a small inline PNG; null for false.",
    ]) { $1 }
    public static let fieldBounds = GIFOptions.fieldBounds()
  }

  public init() {}

  public let name = "make_gif"
  public let title = "Make a GIF"
  public let description = """
    Make an animated GIF from a video, a GIF or still images in the workspace: a part (start, \
    end/duration), a frame rate, a size (width/height/max_width, crop), speed, reverse, \
    boomerang, a caption, and colours/dithering/lossy, or a byte budget (max_bytes) it steps \
    quality down to fit. Use it when a user wants a GIF (for a chat, a README, a slide). \
    Returns the output's path, size, frames, delays, duration, bytes and its SSIM against the \
    source frames.
    """
  public let exampleArguments =
    #"{"inputs": ["clip.mp4"], "output": "clip.gif", "start": null, "end": null, "duration": 3, "fps": 15, "delay": null, "width": 480, "height": null, "max_width": null, "crop": null, "speed": null, "reverse": null, "boomerang": null, "loop": null, "caption": null, "caption_position": null, "colors": null, "palette": null, "dither": null, "dither_strength": null, "lossy": null, "max_bytes": null, "background": null, "preview": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    try execute(arguments, context: context)
  }

  // The work is synchronous; keeping it out of the async function also avoids a Swift 6.3
  // optimizer crash (coroutine splitting around typed throws) in release builds.
  private func execute(_ arguments: Arguments, context: ToolContext) throws -> ToolResult {
    guard !arguments.inputs.isEmpty else {
      throw ToolError.badArgument(field: "inputs", problem: "must name at least one file")
    }
    var inputs: [String] = []
    for given in arguments.inputs {
      if Workspace.isPattern(given) {
        inputs += try context.workspace.inputs(
          matching: given, field: "inputs", limit: arguments.options.maxImages)
      } else {
        inputs.append(try context.workspace.input(given, field: "inputs"))
      }
    }
    let output = try context.workspace.output(
      arguments.output
        ?? PathName(context.workspace.relative(inputs[0])).replacingExtension(with: "gif"),
      field: "output")
    var options = arguments.options
    options.overwrite = false
    var report = try MakeGIF.make(inputs: inputs, output: output, options: options) {
      done, total in
      context.progress(done, total)
    }
    report.inputs = report.inputs.map { context.workspace.relative($0) }
    report.output = context.workspace.relative(report.output)
    var text =
      "Wrote \(report.output): GIF \(report.width)×\(report.height), "
      + "\(counted(report.framesOut, "frame")), \(report.durationSeconds) s, \(report.bytes) bytes, "
      + "SSIM \((report.ssim * 10000).rounded() / 10000)."
    if !report.maxBytesSteps.isEmpty {
      text += " To fit max_bytes: \(report.maxBytesSteps.joined(separator: ", "))."
    }
    var preview: ToolPreview?
    if arguments.preview == true {
      let png = try Self.firstFramePNG(of: output)
      preview = ToolPreview(format: .png, bytes: png)
      if preview == nil {
        text += " (preview left out: \(png.count) bytes is over \(ToolPreview.byteLimit))"
      }
    }
    return ToolResult(
      isError: false, text: text, structured: try JSONText.value(of: report),
      files: [report.output], preview: preview)
  }

  /// The GIF's first frame as a PNG at most 320 pixels wide.
  static func firstFramePNG(of path: String) throws -> [UInt8] {
    var frame: RGBAImage?
    _ = try ImageSource.read(path: path, frames: .first) { frame = $0 }
    guard var image = frame else { return [] }
    if image.width > 320 {
      let size = Size(
        width: 320,
        height: max(1, Int((Double(image.height) * 320 / Double(image.width)).rounded())))
      image = try ImageResizer(from: Size(width: image.width, height: image.height), to: size)
        .resize(image)
    }
    return try PNGFile.encode(image)
  }
}
