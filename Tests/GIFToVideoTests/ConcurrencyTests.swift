import FFmpegIO
import Foundation
import GIFToVideo
import TestSupport
import Testing

/// Conversions and reads running side by side in one process, as in a tool server. This caught
/// swscale writing whole SIMD blocks past the end of unpadded rows (heap corruption that only
/// showed up as crashes elsewhere when many conversions ran at once).
@Suite struct ConcurrencyTests {
  @Test func convertsAndReadsManyFilesAtOnce() async throws {
    let folder = TemporaryDirectory()
    var inputs = [
      "delays-mixed-101x75.gif", "vips__cogs.gif", "demo.gif", "imagers__mixed-disposal.gif",
    ]
    .map { Fixtures.path($0) }
    if let corpus = Fixtures.gifCorpus {
      inputs += ["gifu__mugen.gif", "synth_lct_per_frame_321x181_60f.gif", "pillow__iss634.gif"]
        .map { corpus.appendingPathComponent($0).path }
    }
    let jobs = (0..<4).flatMap { round in inputs.enumerated().map { (round, $0.offset, $0.element) }
    }
    let frameCounts = try await withThrowingTaskGroup(of: Int.self) { group in
      for (round, index, input) in jobs {
        group.addTask {
          var options = GIFToVideoOptions()
          options.preset = .ultrafast
          let output = folder.file("\(round)-\(index).mp4")
          let report = try GIFToVideo.convert(input: input, output: output, options: options)
          var reader = try MediaReader(path: output)
          var frames = 0
          while try reader.nextFrame() != nil { frames += 1 }
          return frames == report.framesEncoded ? 1 : 0
        }
      }
      return try await group.reduce(0, +)
    }
    #expect(frameCounts == jobs.count)
  }
}
