import Foundation
import GIFCodec
import GIFMaking
import LumenCore
import TestSupport
import Testing

/// Every GIF of `../shared/gifcorpus` re-made: either a GIF that plays exactly as long as the
/// source does in a browser, close to it frame for frame, or a refusal in words (a Lumen error),
/// never a crash and never a file left behind.
@Suite(.enabled(if: Fixtures.gifCorpus != nil, "../shared/gifcorpus is absent"))
struct GIFCorpusTests {
  static var names: [String] {
    guard let corpus = Fixtures.gifCorpus else { return [] }
    return ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
      .filter { $0.hasSuffix(".gif") }.sorted()
  }

  @Test(arguments: names)
  func remakesOrRefusesInWords(name: String) throws {
    let input = try #require(Fixtures.gifCorpus).appendingPathComponent(name).path
    let folder = TemporaryDirectory()
    let output = folder.file("out.gif")
    let report: GIFReport
    do {
      report = try MakeGIF.make(inputs: [input], output: output)
    } catch let error as any LumenError {
      #expect(!"\(error)".isEmpty)
      #expect(folder.contents().isEmpty, "\(name) left \(folder.contents())")
      return
    }
    // The source as browsers play it: every frame decoded, delays 0–1 cs as 10.
    var source = try GIFDecoder(path: input)
    var played = 0
    while let frame = try source.nextFrame() { played += frame.timing.playedCentiseconds }
    var made = try GIFDecoder(path: output)
    var total = 0
    var frames = 0
    while let frame = try made.nextFrame() {
      total += frame.timing.playedCentiseconds
      frames += 1
    }
    #expect(total == played, "\(name): \(total) cs made, \(played) cs played")
    #expect(frames == report.framesOut, "\(name)")
    #expect(report.ssim > 0.9, "\(name): SSIM \(report.ssim)")
  }
}
