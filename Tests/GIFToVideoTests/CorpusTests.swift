import FFmpegIO
import Foundation
import GIFCodec
import GIFToVideo
import TestSupport
import Testing

/// Every GIF of `../shared/gifcorpus` (skipped when the corpus is absent): a video as long as
/// its SOURCES.md browser duration, or the documented clear error, and never a file left behind.
/// The videos are encoded with the default preset (B-frames), and their MP4 sample table, media
/// header, movie header and edit list are read and must all give that duration.
@Suite(.enabled(if: Fixtures.gifCorpus != nil, "../shared/gifcorpus is absent"))
struct CorpusTests {
  /// Files that cannot become a video, and why (see README, "Damaged input").
  static let expectedFailures: [String: String] = [
    "imagegif__issue-101-infinite-empty-loop.gif": "exceeds the limit",  // 6727×65351 screen
    "imagegif__issue-117-out-of-range.gif": "exceeds the limit",  // 3×23850 screen
    "pillow__decompression_bomb.gif": "no frame could be decoded",  // cut inside frame 1
    "pillow__zero_width.gif": "no frame could be decoded",  // 0×32, cut inside frame 1
    "vips__truncated.gif": "no frame could be decoded",  // cut inside frame 1
    "pillow__issue_2811.gif": "no frame could be decoded",  // LZW code size 11 (giflib refuses)
  ]

  /// Browser durations in centiseconds from SOURCES.md's table.
  static func browserDurations() -> [String: Int] {
    guard let corpus = Fixtures.gifCorpus,
      let text = try? String(
        contentsOf: corpus.appendingPathComponent("SOURCES.md"), encoding: .utf8)
    else { return [:] }
    var durations: [String: Int] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cells.count > 6 else { continue }
      let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
      let browser = cells[6].split(separator: "/").last.map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if let browser, let seconds = Double(browser) {
        durations[name] = Int((seconds * 100).rounded())
      }
    }
    return durations
  }

  static var files: [String] {
    guard let corpus = Fixtures.gifCorpus else { return [] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
    return names.filter { $0.hasSuffix(".gif") }.sorted()
  }

  @Test(arguments: files)
  func convertsOrFailsClearly(name: String) throws {
    let corpus = try #require(Fixtures.gifCorpus)
    let folder = TemporaryDirectory()
    let output = folder.file("out.mp4")
    let options = GIFToVideoOptions()
    if let expected = Self.expectedFailures[name] {
      #expect {
        _ = try GIFToVideo.convert(
          input: corpus.appendingPathComponent(name).path, output: output, options: options)
      } throws: { "\($0)".contains(expected) }
      #expect(folder.contents().isEmpty)
      return
    }
    let report = try GIFToVideo.convert(
      input: corpus.appendingPathComponent(name).path, output: output, options: options)
    let browser = try #require(Self.browserDurations()[name])
    #expect(Int((report.gifDurationSeconds * 100).rounded()) == browser)
    var reader = try MediaReader(path: output)
    #expect(Int(((reader.info.durationSeconds ?? 0) * 100).rounded()) == browser)
    let seconds = Double(browser) / 100
    let timing = try MP4Timing(path: output)
    #expect(timing.sampleCount == report.framesEncoded)
    for (what, value) in [
      ("stts", timing.sampleTableSeconds), ("mdhd", timing.mediaSeconds),
      ("mvhd", timing.movieSeconds), ("edit", timing.edit?.seconds ?? timing.movieSeconds),
    ] {
      #expect(abs(value - seconds) < 0.0005, "\(what): \(timing)")
    }
    var decoded = 0
    while try reader.nextFrame() != nil { decoded += 1 }
    #expect(decoded == report.framesEncoded)
    #expect(folder.contents() == ["out.mp4"])
  }
}
