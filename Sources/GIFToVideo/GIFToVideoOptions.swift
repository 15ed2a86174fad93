public import FFmpegIO
internal import Foundation
public import LumenCore

/// How ``GIFToVideo`` converts: codec, quality, background, size, repetition and limits.
///
/// The one description of gif2video's settings: the `gif_to_video` tool decodes it from its
/// arguments and `lumen gif2video` builds it from its flags through the same decoder
/// (``OperationOptions/decoding(_:)``); ``fields`` documents each one for both. Limits,
/// threads, exact scaling, the YUV matrix and overwriting are set by the program, not decoded.
public struct GIFToVideoOptions: OperationOptions, Hashable {
  /// The video codec; `nil` picks VP9 for a `.webm` output and H.264 otherwise (see
  /// ``settled(forOutput:)``).
  public var codec: VideoCodec?
  /// The container; `nil` picks it from the output's extension, else the codec's default.
  public var container: VideoContainer?
  /// Constant rate factor; `nil` uses the codec's default (23 for H.264).
  public var crf: Int?
  /// Encoder speed preset, x264 names ("medium").
  public var preset: EncoderPreset = .medium
  /// The colour transparent pixels are shown on (white by default).
  public var background: RGBColor = .white
  /// Scale to exactly this size (rounded to even sides).
  public var scale: Size?
  /// Scale down, keeping the aspect ratio, when the GIF is wider than this.
  public var maxWidth: Int?
  /// How many times the animation plays in the video (MP4 has no loop flag).
  public var plays: Int = 1
  /// Resample to this constant frame rate instead of one frame per GIF frame.
  public var framesPerSecond: Int?
  /// Keep identical consecutive frames instead of merging them into one longer frame.
  public var keepDuplicateFrames: Bool = false
  /// Size limits checked before decoding.
  public var limits: DecodeLimits = .default
  /// Encoder threads; 0 lets the encoder choose.
  public var threads: Int = 0
  /// Replace an existing output (never the input). Off by default: the CLI sets it for
  /// `--overwrite`, tools never do.
  public var overwrite: Bool = false
  /// The RGB→YUV matrix; `nil` picks BT.709 from 1280×720 up and BT.601 below.
  public var matrix: YUVMatrix?

  public init() {}

  /// The codec that will be used: the one given, else the output's (VP9 for `.webm`), else
  /// H.264.
  public var resolvedCodec: VideoCodec { codec ?? .h264 }

  /// These options with the codec settled for `output` (VP9 for a `.webm` when none was
  /// given).
  public func settled(forOutput output: String?) -> GIFToVideoOptions {
    var settled = self
    if settled.codec == nil, let output {
      settled.codec =
        VideoContainer(pathExtension: PathName(output).pathExtension) == .webm
        ? .vp9 : .h264
    }
    return settled
  }

  /// The output for `input` when none is named: its name with `.mp4` (`.webm` for VP9 and
  /// AV1), in its folder.
  public func defaultOutput(for input: String) -> String {
    PathName(input).replacingExtension(
      with: resolvedCodec.containers.contains(.webm) ? "webm" : "mp4")
  }

  /// Checks the options, throwing ``ConversionError/invalidOption(_:)`` naming the bad one.
  public func validate() throws(ConversionError) {
    let codec = resolvedCodec
    if let crf, !codec.crfRange.contains(crf) {
      throw .invalidOption(
        "crf \(crf) is out of range: crf must be \(codec.crfRange.lowerBound)–\(codec.crfRange.upperBound) for \(codec.rawValue)"
      )
    }
    if let scale, scale.width > limits.maxWidth || scale.height > limits.maxHeight {
      throw .invalidOption(
        "scale \(scale) exceeds the size limits (\(limits.maxWidth)×\(limits.maxHeight))")
    }
    if let maxWidth, !(2...16_384).contains(maxWidth) {
      throw .invalidOption("max_width \(maxWidth) is out of range 2–16384")
    }
    if !(1...1000).contains(plays) {
      throw .invalidOption(
        "loop \(plays) is out of range: a video plays 1–1000 times (it cannot loop forever)")
    }
    if let framesPerSecond, !(1...120).contains(framesPerSecond) {
      throw .invalidOption("fps \(framesPerSecond) is out of range 1–120")
    }
    if scale != nil && maxWidth != nil {
      throw .invalidOption("scale and max_width cannot be combined; give one of them")
    }
  }

  // MARK: - The one description

  public static let fields: [OptionField] = [
    OptionField(
      "codec", "Video codec: h264 (plays everywhere), hevc, vp9 or av1",
      absent: "null for h264, or vp9 when the output ends in .webm"),
    OptionField(
      "crf", "Quality, 0–51 for h264/hevc, 0–63 for vp9/av1 (lower is better)",
      absent: "null for the codec's default, 23 for h264", bounds: 0...63, helpStatesRange: true),
    OptionField(
      "preset", "Encoder speed: ultrafast … medium … veryslow", absent: "null for medium"),
    OptionField(
      "background",
      "Colour under transparent pixels: #rrggbb, #rgb or a CSS colour name (\"black\")",
      absent: "null for #ffffff"),
    OptionField(
      "max_width",
      "Scale down to at most this many pixels wide, keeping the aspect ratio",
      absent: "null for none, keeping the size", bounds: 2...16_384),
    OptionField(
      "loop",
      "How many times the animation plays in the video (a video cannot loop forever)",
      absent: "null plays it once", bounds: 1...1000),
    OptionField(
      "fps", "Resample to this constant frame rate",
      absent: "null for none, one video frame per GIF frame", bounds: 1...120),
    OptionField(
      "keep_duplicates", "true keeps identical consecutive frames instead of merging them",
      absent: "null for false"),
  ]

  enum CodingKeys: String, CodingKey {
    case codec, crf, preset, background, loop, fps
    case maxWidth = "max_width"
    case keepDuplicates = "keep_duplicates"
  }

  /// Reads the settings in ``fields``; a missing or null one keeps its default. Ranges are
  /// checked by ``validate()`` (the operation calls it, once the output has settled the codec).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    codec = try c.decodeIfPresent(VideoCodec.self, forKey: .codec)
    crf = try c.decodeIfPresent(Int.self, forKey: .crf)
    preset = try c.decodeIfPresent(EncoderPreset.self, forKey: .preset) ?? preset
    if let text = try c.decodeIfPresent(String.self, forKey: .background) {
      guard let color = RGBColor(hex: text) else {
        throw ConversionError.invalidOption(
          "background \"\(text)\" is not a colour: use \(RGBColor.syntax) (e.g. \"#000000\")")
      }
      background = color
    }
    maxWidth = try c.decodeIfPresent(Int.self, forKey: .maxWidth)
    plays = try c.decodeIfPresent(Int.self, forKey: .loop) ?? plays
    framesPerSecond = try c.decodeIfPresent(Int.self, forKey: .fps)
    keepDuplicateFrames = try c.decodeIfPresent(Bool.self, forKey: .keepDuplicates) ?? false
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(codec, forKey: .codec)
    try c.encodeIfPresent(crf, forKey: .crf)
    try c.encode(preset, forKey: .preset)
    try c.encode(background.hex, forKey: .background)
    try c.encodeIfPresent(maxWidth, forKey: .maxWidth)
    try c.encode(plays, forKey: .loop)
    try c.encodeIfPresent(framesPerSecond, forKey: .fps)
    try c.encode(keepDuplicateFrames, forKey: .keepDuplicates)
  }
}
