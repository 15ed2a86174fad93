public import LumenCore

/// Why an image could not be read (codec errors pass through as ``GIFCodec/GIFError``,
/// ``PNGCodec/PNGError``, ``JPEGCodec/JPEGError`` and ``FFmpegIO/FFmpegError``).
public enum ImageReadError: LumenError, Hashable {
  /// The file cannot be opened (missing, a folder, not readable, empty).
  case unreadable(path: String, reason: String)
  /// The image is larger than the ``LumenCore/DecodeLimits`` allow.
  case limitExceeded(path: String, reason: String)
  /// Not one pixel could be read.
  case noPixels(path: String)
  /// The file is something else (told from its bytes).
  case notAnImage(path: String, kind: FileKind)

  public var category: ErrorCategory {
    switch self {
    case .unreadable: .inputNotReadable
    case .limitExceeded: .limitExceeded
    case .noPixels, .notAnImage: .badInput
    }
  }

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
    case .limitExceeded(let path, let reason): "\(path): \(reason)"
    case .noPixels(let path): "\(path) has no frame to read"
    case .notAnImage(let path, let kind):
      "\(path) is \(kind.phrase)\(kind == .heif ? "" : ", not an image"); give a PNG, GIF, "
        + "JPEG, WebP, BMP or TIFF file"
    }
  }
}
