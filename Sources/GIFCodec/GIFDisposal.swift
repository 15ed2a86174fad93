internal import CGif

/// What happens to a frame's rectangle before the next frame is drawn (GIF89a disposal method).
public enum GIFDisposal: Int, Sendable, Hashable, Codable {
  /// No disposal specified: the frame stays. The corresponding C constant is
  /// `DISPOSAL_UNSPECIFIED`.
  case unspecified = 0
  /// The frame stays (“do not dispose”). The corresponding C constant is `DISPOSE_DO_NOT`.
  case keep = 1
  /// The rectangle is cleared to the background, which browsers show as transparent. The
  /// corresponding C constant is `DISPOSE_BACKGROUND`.
  case background = 2
  /// The rectangle is restored to what it was before the frame. The corresponding C constant is
  /// `DISPOSE_PREVIOUS`.
  case previous = 3

  init(giflibMode: Int32) {
    switch giflibMode {
    case Int32(DISPOSE_DO_NOT): self = .keep
    case Int32(DISPOSE_BACKGROUND): self = .background
    case Int32(DISPOSE_PREVIOUS): self = .previous
    default: self = .unspecified  // 0 and the undefined values 4...7 behave as "keep"
    }
  }
}
