internal import LumenCore

/// What a map render did, for people (`text`) and programs (JSON).
public struct MapReport: Sendable, Codable {
  public var input: String
  public var output: String
  /// `gif`, `mp4`, `webm` or `png`.
  public var format: String
  /// Data rows read, points drawn, and rows or points left out by reason.
  public var rowsRead: Int
  public var pointsDrawn: Int
  public var skipped: [String: Int]
  /// Lights that blink with their own characteristic, and characteristic texts not understood.
  public var lightsWithCharacteristic: Int
  public var characteristicFallbacks: Int
  /// The region and projection used.
  public var region: String
  public var projection: String
  public var width: Int
  public var height: Int
  public var framesPerSecond: Int
  /// Frames rendered, and frames stored in the file (a GIF merges identical neighbours).
  public var frames: Int
  public var framesStored: Int
  public var durationSeconds: Double
  public var outputBytes: Int
  /// Wall-clock seconds for the whole job.
  public var elapsedSeconds: Double
  /// Light colours in the legend with their counts.
  public var legend: [String: Int]
  public var warnings: [String]

  /// A few human-readable lines.
  public var text: String {
    var lines = [
      "\(output): \(format.uppercased()) \(width)×\(height), \(counted(frames, "frame")) at \(framesPerSecond) fps (\(durationSeconds) s), \(outputBytes) bytes",
      "points: \(pointsDrawn) drawn of \(counted(rowsRead, "row"))"
        + (skipped.isEmpty
          ? ""
          : "; skipped "
            + skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
              separator: ", ")),
      "region: \(region), projection \(projection); \(lightsWithCharacteristic) lights with their own characteristic",
      "time: \(String(format2: elapsedSeconds)) s",
    ]
    lines += warnings.map { "warning: \($0)" }
    return lines.joined(separator: "\n")
  }
}

extension String {
  init(format2 value: Double) {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
