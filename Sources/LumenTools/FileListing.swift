internal import Foundation

/// The report of `list_files`: the files found, and whether more were left out.
public struct FileListing: Codable, Sendable, Hashable {
  /// One file.
  public struct File: Codable, Sendable, Hashable {
    /// Relative to the workspace.
    public var path: String
    public var bytes: Int
    /// Told from the content: gif, png, jpeg, webp, bmp, tiff, mp4, webm, pdf, zip, text, empty
    /// or unknown.
    public var kind: String
    public var mimeType: String
    public var width: Int?
    public var height: Int?
    /// GIF frames.
    public var frames: Int?
    /// How long a video or GIF plays, in seconds (a GIF as browsers play it).
    public var durationSeconds: Double?

    /// One line for the model: path, kind, size and what else is known.
    var line: String {
      var parts = ["\(path) — \(kind), \(bytes) bytes"]
      if let width, let height { parts.append("\(width)×\(height)") }
      if let frames { parts.append("\(frames) frame\(frames == 1 ? "" : "s")") }
      if let durationSeconds { parts.append(String(format: "%.2f s", durationSeconds)) }
      return parts.joined(separator: ", ")
    }
  }

  public var files: [File]
  /// More files matched than one listing returns.
  public var truncated: Bool
}
