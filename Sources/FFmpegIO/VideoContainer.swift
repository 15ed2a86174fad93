/// A container format.
public enum VideoContainer: String, Sendable, CaseIterable, Codable {
  case mp4
  case webm

  /// The muxer name FFmpeg knows it by.
  public var muxerName: String { rawValue }

  /// Picks the container from a file name's extension (`.mp4`, `.m4v` → mp4; `.webm`); `nil`
  /// for anything else (a `.mov` or `.mkv` name would promise a format that is not written).
  public init?(pathExtension: String) {
    switch pathExtension.lowercased() {
    case "mp4", "m4v": self = .mp4
    case "webm": self = .webm
    default: return nil
    }
  }
}
