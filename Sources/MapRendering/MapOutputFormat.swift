/// What `lumen map` writes, chosen from the output's extension.
public enum MapOutputFormat: String, Sendable, Hashable, CaseIterable, Codable {
  /// An animated GIF (giflib).
  case gif
  /// H.264 MP4 (FFmpeg).
  case mp4
  /// VP9 WebM (FFmpeg).
  case webm
  /// One PNG poster frame (libpng): the moment with the most light.
  case png

  /// The format for a path's extension, or `nil`.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "gif": self = .gif
    case "mp4", "m4v", "mov": self = .mp4
    case "webm": self = .webm
    case "png": self = .png
    default: return nil
    }
  }
}
