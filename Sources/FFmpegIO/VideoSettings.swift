public import LumenCore

/// How a ``VideoWriter`` encodes: codec, quality, sizes and time base.
public struct VideoSettings: Sendable, Hashable {
  /// The codec.
  public var codec: VideoCodec
  /// The container.
  public var container: VideoContainer
  /// Constant rate factor (lower is better quality); the codec's default when `nil`.
  public var crf: Int?
  /// An x264-style speed preset name ("medium").
  public var preset: String
  /// The size of the RGBA pictures given to ``VideoWriter/append(_:presentationTime:)``.
  public var inputSize: Size
  /// The encoded size; must be even on both sides (4:2:0).
  public var outputSize: Size
  /// The unit of presentation times (1/100 s for GIF timing).
  public var timeBase: Rational
  /// Encoder threads; 0 lets the encoder choose.
  public var threads: Int
  /// The RGB→YUV matrix (and the matrix tag); by default BT.709 for HD sizes, BT.601 below.
  public var matrix: YUVMatrix

  public init(
    codec: VideoCodec = .h264, container: VideoContainer = .mp4, crf: Int? = nil,
    preset: String = "medium", inputSize: Size, outputSize: Size? = nil,
    timeBase: Rational = .centisecond, threads: Int = 0, matrix: YUVMatrix? = nil
  ) {
    self.codec = codec
    self.container = container
    self.crf = crf
    self.preset = preset
    self.inputSize = inputSize
    self.outputSize = outputSize ?? inputSize
    self.timeBase = timeBase
    self.threads = threads
    self.matrix = matrix ?? .conventional(for: outputSize ?? inputSize)
  }

  /// The CRF used when none is given: 23 for H.264 (x264's default), 28 for HEVC, 31 for VP9,
  /// 35 for AV1 (each encoder's usual default).
  public var effectiveCRF: Int {
    if let crf { return crf }
    switch codec {
    case .h264: return 23
    case .hevc: return 28
    case .vp9: return 31
    case .av1: return 35
    }
  }

  /// The pixel format written: always 4:2:0, 8-bit, which every player decodes.
  public var pixelFormatName: String { "yuv420p" }

  /// The colour tags written: BT.709 primaries and transfer, the matrix the pictures are
  /// converted with, limited range.
  public var colorDescription: String {
    "primaries bt709, transfer bt709, matrix \(matrix == .bt709 ? "bt709" : "bt601 (smpte170m)"), limited range"
  }
}
