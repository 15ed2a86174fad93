/// A container format.
public enum VideoContainer: String, Sendable, CaseIterable, Codable {
  case mp4
  case webm

  /// The muxer name FFmpeg knows it by.
  public var muxerName: String { rawValue }

  /// Picks the container from a file name's extension (`.mp4`, `.m4v`, `.mov` → mp4; `.webm`).
  public init?(pathExtension: String) {
    switch pathExtension.lowercased() {
    case "mp4", "m4v", "mov": self = .mp4
    case "webm": self = .webm
    default: return nil
    }
  }
}
