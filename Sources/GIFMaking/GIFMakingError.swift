public import LumenCore

/// Why a GIF could not be made (codec errors pass through as ``GIFCodec/GIFError``,
/// ``FFmpegIO/FFmpegError`` and the image readers' errors).
public enum GIFMakingError: LumenError, Hashable {
  /// An option is out of range or contradicts another.
  case invalidOption(String)
  /// An input cannot be read (missing, a folder, not permitted).
  case inputNotReadable(path: String, reason: String)
  /// An input is a kind of file this operation does not take.
  case wrongInputKind(path: String, kind: FileKind)
  /// The inputs mix kinds, or name several videos.
  case mixedInputs(String)
  /// The source has no frame in the part asked for.
  case noFrames(String)
  /// A limit (images, frames held, picture size) would be exceeded.
  case limitExceeded(String)
  /// The output is not a `.gif`.
  case unsupportedOutput(path: String)
  /// No step down in quality made the GIF small enough.
  case doesNotFit(maxBytes: Int, smallest: Int, steps: String)

  public var category: ErrorCategory {
    switch self {
    case .invalidOption, .mixedInputs: .invalidOption
    case .inputNotReadable: .inputNotReadable
    case .wrongInputKind, .noFrames: .badInput
    case .limitExceeded, .doesNotFit: .limitExceeded
    case .unsupportedOutput: .unsupported
    }
  }

  public var description: String {
    switch self {
    case .invalidOption(let text): text
    case .inputNotReadable(let path, let reason): "cannot read \(path): \(reason)"
    case .wrongInputKind(let path, let kind):
      "\(path) is \(kind.phrase); lumen gif takes a video (MP4, WebM, MOV, MKV, AVI), a GIF, "
        + "or still images (PNG, JPEG, WebP)"
    case .mixedInputs(let text): text
    case .noFrames(let text): text
    case .limitExceeded(let text): text
    case .unsupportedOutput(let path):
      "\(path): lumen gif writes GIF files; name the output with .gif"
    case .doesNotFit(let maxBytes, let smallest, let steps):
      "the GIF does not fit in \(maxBytes) bytes: the smallest reached was \(smallest) bytes "
        + "(\(steps)); shorten it with duration, lower fps or width, or allow more bytes"
    }
  }
}
