import Foundation
import GIFCodec
import TestSupport
import Testing

/// Every frame the decoder gives for every `../shared/gifcorpus` GIF, damaged ones included,
/// digested (canvas bytes, what the decoder says about each frame, warnings, damage, errors) and
/// compared with `Fixtures/gifcorpus-canvas-digests.txt`, written by giflib's `DGifGetLine`
/// before Lumen decoded LZW itself: the canvases stay byte-identical.
///
/// `LUMEN_WRITE_CANVAS_DIGESTS=1 swift test --filter CorpusCanvasDigestTests` rewrites the file.
@Suite(.enabled(if: Fixtures.gifCorpus != nil, "../shared/gifcorpus is absent"))
struct CorpusCanvasDigestTests {
  static let fixture = Fixtures.path("gifcorpus-canvas-digests.txt")

  /// FNV-1a, 64 bits: enough to tell two decodings apart, and no dependency.
  struct Digest {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
      for byte in bytes {
        value ^= UInt64(byte)
        value = value &* 0x100_0000_01b3
      }
    }
    mutating func add(_ text: String) { add(Array(text.utf8)) }
  }

  static func digest(of path: String) -> String {
    var digest = Digest()
    var frames = 0
    do {
      var decoder = try GIFDecoder(path: path)
      while let frame = try decoder.nextFrame() {
        frames += 1
        digest.add("frame \(frame.index) \(frame.rect) \(frame.isIdenticalToPrevious)")
        digest.add(frame.image.bytes)
      }
      digest.add("warnings \(decoder.warnings)")
      // The damage in words, giflib's code and message; not the function (giflib's or Lumen's).
      digest.add(
        "damage \(decoder.damage.map { "\($0) \($0.code.rawValue) \($0.message)" } ?? "none")")
    } catch {
      digest.add("error \(error)")
    }
    return "\(frames) " + String(digest.value, radix: 16)
  }

  static func digests() throws -> [String: String] {
    let corpus = try #require(Fixtures.gifCorpus)
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
      .filter { $0.hasSuffix(".gif") }.sorted()
    var result: [String: String] = [:]
    for name in names {
      result[name] = digest(of: corpus.appendingPathComponent(name).path)
    }
    return result
  }

  @Test func canvasesMatchTheRecordedDecoding() throws {
    let found = try Self.digests()
    if ProcessInfo.processInfo.environment["LUMEN_WRITE_CANVAS_DIGESTS"] != nil {
      let text = found.keys.sorted().map { "\($0) \(found[$0]!)" }.joined(separator: "\n") + "\n"
      try text.write(toFile: Self.fixture, atomically: true, encoding: .utf8)
      return
    }
    let recorded = try String(contentsOfFile: Self.fixture, encoding: .utf8)
    var expected: [String: String] = [:]
    for line in recorded.split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      if parts.count == 2 { expected[String(parts[0])] = String(parts[1]) }
    }
    #expect(expected.count >= 70)
    for (name, value) in expected.sorted(by: { $0.key < $1.key }) {
      #expect(found[name] == value, "\(name)")
    }
  }
}
