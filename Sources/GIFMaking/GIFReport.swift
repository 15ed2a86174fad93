internal import Foundation

/// What `lumen gif` made, for people (``summary``) and programs (`Codable`).
public struct GIFReport: Sendable, Hashable, Codable {
  /// The inputs, as given.
  public var inputs: [String]
  /// `video`, `gif` or `images`.
  public var inputKind: String
  /// The GIF written.
  public var output: String
  /// Its size in bytes.
  public var bytes: Int
  /// Its width and height in pixels.
  public var width: Int
  public var height: Int
  /// Source pictures read (frames of a video or GIF, or images).
  public var framesIn: Int
  /// Frames stored in the GIF (unchanged neighbours merged into longer delays).
  public var framesOut: Int
  /// The sampling rate, when one was used (else the source's own timing).
  public var fps: Double?
  /// Every stored frame's delay, in centiseconds.
  public var delays: [Int]
  /// The GIF's length (the delays' sum), in seconds.
  public var durationSeconds: Double
  /// The length of the part of the source taken, divided by the speed (and doubled less the
  /// ends for a boomerang), in seconds: what ``durationSeconds`` matches to the centisecond.
  public var sourceDurationSeconds: Double
  /// The palette mode: `global`, `per-frame` or `auto`.
  public var palette: String
  /// Colours in the global palette (0 with per-frame palettes).
  public var colors: Int
  /// Frames written with their own palette.
  public var localPalettes: Int
  /// The dithering used, its name.
  public var dither: String
  /// The lossy level used (0 exact; `max_bytes` may have raised it).
  public var lossy: Int
  /// Times the GIF plays (0 forever).
  public var loop: Int
  /// Mean SSIM of the luma of each frame against its source frame (cropped and scaled the
  /// same way), weighted by how long each is shown; 1 is identical.
  public var ssim: Double
  /// What `max_bytes` changed, in order, when it had to.
  public var maxBytesSteps: [String]
  /// What the user should know about the result.
  public var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case inputs, output, bytes, width, height, fps, delays, palette, colors, dither, lossy, loop
    case ssim, warnings
    case inputKind = "input_kind"
    case framesIn = "frames_in"
    case framesOut = "frames_out"
    case durationSeconds = "duration_seconds"
    case sourceDurationSeconds = "source_duration_seconds"
    case localPalettes = "local_palettes"
    case maxBytesSteps = "max_bytes_steps"
  }

  /// One paragraph for people.
  public var summary: String {
    var text =
      "\(output): \(width)×\(height), \(framesOut) frame\(framesOut == 1 ? "" : "s"), "
      + String(format: "%.2f s, %@, SSIM %.4f", durationSeconds, Self.bytesText(bytes), ssim)
      + " (\(palette) palette"
      + (colors > 0 ? " of \(colors) colours" : "")
      + (localPalettes > 0 ? ", \(localPalettes) frames with their own" : "")
      + ", dither \(dither)" + (lossy > 0 ? ", lossy \(lossy)" : "") + ")"
    if !maxBytesSteps.isEmpty {
      text += "\nto fit max_bytes: " + maxBytesSteps.joined(separator: ", ")
    }
    for warning in warnings { text += "\nwarning: \(warning)" }
    return text
  }

  static func bytesText(_ bytes: Int) -> String {
    bytes >= 1_000_000
      ? String(format: "%.2f MB", Double(bytes) / 1e6)
      : String(format: "%.1f KB", Double(bytes) / 1e3)
  }
}
