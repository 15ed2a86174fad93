public import LumenCore

/// A video codec Lumen can encode, with its FFmpeg encoder and its containers.
public enum VideoCodec: String, Sendable, CaseIterable, Codable {
  /// H.264 through libx264, High profile.
  case h264
  /// HEVC through libx265, tagged `hvc1` so Apple players accept it.
  case hevc
  /// VP9 through libvpx, constant-quality mode.
  case vp9
  /// AV1 through SVT-AV1.
  case av1

  /// The FFmpeg encoder name.
  public var encoderName: String {
    switch self {
    case .h264: "libx264"
    case .hevc: "libx265"
    case .vp9: "libvpx-vp9"
    case .av1: "libsvtav1"
    }
  }

  /// The containers this codec can be written into; the first is the default.
  public var containers: [VideoContainer] {
    switch self {
    case .h264, .hevc: [.mp4]
    case .vp9, .av1: [.mp4, .webm]
    }
  }

  /// The CRF range the encoder accepts.
  public var crfRange: ClosedRange<Int> {
    switch self {
    case .h264, .hevc: 0...51
    case .vp9, .av1: 0...63
    }
  }

  /// The smallest picture the encoder accepts (SVT-AV1 needs 64×64; the others 2×2).
  public var minimumSize: Size {
    self == .av1 ? Size(width: 64, height: 64) : Size(width: 2, height: 2)
  }

  /// The preset names accepted for this codec (x264 style; mapped for VP9 and AV1).
  public static let presets = EncoderPreset.allCases.map(\.rawValue)
}
