public import FFmpegIO
public import LumenCore

/// How ``GIFToVideo`` converts: codec, quality, background, size, repetition and limits.
public struct GIFToVideoOptions: Sendable, Hashable {
  /// The video codec (H.264 by default).
  public var codec: VideoCodec = .h264
  /// The container; `nil` picks it from the output's extension, else the codec's default.
  public var container: VideoContainer?
  /// Constant rate factor; `nil` uses the codec's default (23 for H.264).
  public var crf: Int?
  /// Encoder speed preset, x264 names ("medium").
  public var preset: String = "medium"
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

  /// Checks the options, throwing ``ConversionError/invalidOption(_:)`` naming the bad one.
  public func validate() throws(ConversionError) {
    if let crf, !codec.crfRange.contains(crf) {
      throw .invalidOption(
        "crf \(crf) is out of range: crf must be \(codec.crfRange.lowerBound)–\(codec.crfRange.upperBound) for \(codec.rawValue)"
      )
    }
    if !VideoCodec.presets.contains(preset) {
      throw .invalidOption(
        "preset \(preset) is not one of \(VideoCodec.presets.joined(separator: ", "))")
    }
    if let scale, scale.width > limits.maxWidth || scale.height > limits.maxHeight {
      throw .invalidOption(
        "scale \(scale) exceeds the size limits (\(limits.maxWidth)×\(limits.maxHeight))")
    }
    if let maxWidth, maxWidth < 2 {
      throw .invalidOption("max width \(maxWidth) is out of range: it must be at least 2")
    }
    if !(1...1000).contains(plays) {
      throw .invalidOption(
        "loop \(plays) is out of range: a video plays 1–1000 times (it cannot loop forever)")
    }
    if let framesPerSecond, !(1...120).contains(framesPerSecond) {
      throw .invalidOption("fps \(framesPerSecond) is out of range 1–120")
    }
    if scale != nil && maxWidth != nil {
      throw .invalidOption("scale and max width cannot be combined; give one of them")
    }
  }
}
