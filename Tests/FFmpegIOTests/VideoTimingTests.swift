import FFmpegIO
import LumenCore
import TestSupport
import Testing

/// The sample table, media header, movie header and edit list of every MP4 (and the WebM
/// durations) agree with the presentation length, to the tick, whatever the encoder reorders.
///
/// Chromium takes an MP4's length from the sample table (stts), ffprobe from the headers; with
/// B-frames and irregular frame times the two once disagreed (issue 12).
@Suite struct VideoTimingTests {
  /// Frame durations in centiseconds, after the browser rule (0–1 cs shown as 10 cs).
  static let patterns: [(name: String, durations: [Int64])] = [
    ("120×90 delays 0,3,250,2,70,1", [10, 3, 250, 2, 70, 10]),
    ("delays 20,20,40", [20, 20, 40]),
    ("delays 10,10,10,20", [10, 10, 10, 20]),
    ("long first, short last", [70, 70, 70, 70, 5, 5, 5, 5, 5, 5, 5, 5]),
    ("short first, long last", [2, 2, 2, 2, 2, 2, 90, 150, 300]),
    ("40 irregular", irregular(count: 40, seed: 4)),
    ("one frame", [37]),
    ("two frames", [5, 500]),
  ]

  static let encoders: [(codec: VideoCodec, container: VideoContainer, preset: String)] = [
    (.h264, .mp4, "medium"), (.h264, .mp4, "veryslow"), (.h264, .mp4, "ultrafast"),
    (.hevc, .mp4, "medium"), (.vp9, .webm, "medium"), (.av1, .webm, "medium"),
  ]

  /// A reproducible list of GIF-like delays (2…300 cs).
  static func irregular(count: Int, seed: UInt64) -> [Int64] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return [2, 3, 5, 7, 10, 13, 20, 31, 50, 70, 300][Int(state >> 33) % 11]
    }
  }

  static var cases: [(String, Int)] {
    patterns.indices.flatMap { p in encoders.indices.map { (patterns[p].name, $0) } }
  }

  @Test(arguments: cases)
  func tablesAgreeWithThePresentationLength(pattern: String, encoder: Int) throws {
    let durations = try #require(Self.patterns.first { $0.name == pattern }).durations
    let (codec, container, preset) = Self.encoders[encoder]
    let folder = TemporaryDirectory()
    let path = folder.file("out.\(container.rawValue)")
    let size = Size(width: 64, height: 64)
    var writer = try VideoWriter(
      path: path,
      settings: VideoSettings(codec: codec, container: container, preset: preset, inputSize: size))
    var time: Int64 = 0
    var starts: [Int64] = []
    for (index, duration) in durations.enumerated() {
      let shade = UInt8(truncatingIfNeeded: index * 53)
      let image = RGBAImage(
        width: 64, height: 64, fill: RGBAPixel(RGBColor(red: shade, green: 255 - shade, blue: 90)))
      try writer.append(image, presentationTime: time)
      starts.append(time)
      time += duration
    }
    try writer.finish(endTime: time)
    let seconds = Double(time) / 100

    var reader = try MediaReader(path: path)
    #expect(abs((reader.info.durationSeconds ?? 0) - seconds) < 1e-6)
    var shown: [Int64] = []
    while let frame = try reader.nextFrame() {
      shown.append(Int64((frame.presentationSeconds * 100).rounded()))
    }
    #expect(shown == starts)
    guard container == .mp4 else { return }
    let timing = try MP4Timing(path: path)
    #expect(timing.sampleCount == durations.count)
    #expect(abs(timing.sampleTableSeconds - seconds) < 1e-9, "\(timing)")
    #expect(abs(timing.mediaSeconds - seconds) < 1e-9, "\(timing)")
    #expect(abs(timing.movieSeconds - seconds) < 1e-3, "\(timing)")
    if let edit = timing.edit {
      #expect(abs(edit.seconds - seconds) < 1e-3, "\(timing)")
    }
  }
}
