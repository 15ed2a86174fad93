public import LumenCore

/// Why an image could not be used (codec errors pass through as ``GIFCodec/GIFError``,
/// ``PNGCodec/PNGError`` and ``FFmpegIO/FFmpegError``).
public enum ImagingError: Error, Hashable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case limitExceeded(path: String, reason: String)
  case noPixels(path: String)
  case invalidOption(String)
  /// The file is something else (told from its bytes).
  case notAnImage(path: String, kind: FileKind)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
    case .limitExceeded(let path, let reason): "\(path): \(reason)"
    case .noPixels(let path): "\(path) has no frame to read"
    case .invalidOption(let text): text
    case .notAnImage(let path, let kind):
      "\(path) is \(kind.phrase), not an image; give a PNG, GIF, JPEG, WebP, BMP or TIFF file"
    }
  }
}
