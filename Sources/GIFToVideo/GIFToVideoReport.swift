internal import LumenCore

/// What a GIF → video conversion did, for people (``summary``) and programs (`Codable`).
public struct GIFToVideoReport: Sendable, Hashable, Codable {
  public var input: String
  public var inputBytes: Int
  public var width: Int
  public var height: Int
  /// Frames found by walking the file's blocks (includes a damaged frame).
  public var framesFound: Int
  /// Frames decoded completely.
  public var framesDecoded: Int
  /// Frames given to the encoder (after merging identical neighbours, times `plays`).
  public var framesEncoded: Int
  /// The NETSCAPE loop count stored in the GIF (0 = forever), `nil` when it has none.
  public var gifLoopCount: Int?
  /// One play of the GIF as browsers time it, in seconds.
  public var gifDurationSeconds: Double
  /// How many times the animation plays in the video.
  public var plays: Int
  /// The output's duration read back from the written file, in seconds.
  public var outputDurationSeconds: Double
  public var output: String
  public var outputBytes: Int
  public var outputWidth: Int
  public var outputHeight: Int
  public var codec: String
  public var encoder: String
  public var container: String
  public var pixelFormat: String
  public var colorTags: String
  public var crf: Int
  public var preset: String
  public var background: String
  public var framesPerSecond: Int?
  /// The GIF's comments (decoded leniently as UTF-8).
  public var comments: [String]
  /// Things the user should know: clamped delays, flattened transparency, padding, damage.
  public var warnings: [String]

  /// A few lines for a terminal.
  public var summary: String {
    var lines = [
      "\(input): \(width)×\(height), \(framesDecoded) of \(counted(framesFound, "frame")) decoded, "
        + "\(formatSeconds(gifDurationSeconds)) as browsers play it",
      "→ \(output): \(codec) \(pixelFormat) \(outputWidth)×\(outputHeight), "
        + "\(counted(framesEncoded, "frame")), \(formatSeconds(outputDurationSeconds)), \(outputBytes) bytes",
    ]
    lines += warnings.map { "warning: \($0)" }
    return lines.joined(separator: "\n")
  }

  private func formatSeconds(_ seconds: Double) -> String {
    let hundredths = Int((seconds * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
  }
}
