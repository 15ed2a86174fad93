import Benchmark
import Conversion
import Foundation
import GIFCodec
import LumenCore

/// Inputs: the committed demo GIF, and the large corpus GIFs when ../shared/gifcorpus is present.
enum Inputs {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let demo = root.appendingPathComponent("Fixtures/demo.gif").path
  static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/gifcorpus")

  /// `(benchmark name, path)` for the fixture and each large corpus GIF that exists.
  static var gifs: [(String, String)] {
    var list = [("demo", demo)]
    for (name, file) in [
      ("chi", "pillow__chi.gif"), ("testsrc2-480x270", "synth_testsrc2_480x270_200f.gif"),
      ("testsrc-1280x720", "synth_testsrc_1280x720_60f.gif"),
      ("demo-player", "flanimated__demo-player.gif"), ("muybridge", "imagegif__gifplayer-muybridge.gif"),
    ] {
      let path = corpus.appendingPathComponent(file).path
      if FileManager.default.fileExists(atPath: path) { list.append((name, path)) }
    }
    return list
  }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(10), maxIterations: 20)

  for (name, path) in Inputs.gifs {
    Benchmark("GIF.decode.\(name)") { benchmark in
      for _ in benchmark.scaledIterations {
        var decoder = try GIFDecoder(path: path)
        while let frame = try decoder.nextFrame() { blackHole(frame) }
      }
    }

    Benchmark("GIF.decodeAndFlatten.\(name)") { benchmark in
      for _ in benchmark.scaledIterations {
        var decoder = try GIFDecoder(path: path)
        var flattener = FrameFlattener(background: .white, outputSize: decoder.screenSize.roundedUpToEven)
        while let frame = try decoder.nextFrame() { blackHole(flattener.flatten(frame.image)) }
      }
    }

    Benchmark("GIF2Video.encode.\(name)", configuration: .init(maxIterations: 5)) { benchmark in
      let output = FileManager.default.temporaryDirectory
        .appendingPathComponent("lumen-bench-\(UUID().uuidString).mp4").path
      defer { try? FileManager.default.removeItem(atPath: output) }
      for _ in benchmark.scaledIterations {
        blackHole(try GIFToVideo.convert(input: path, output: output))
      }
    }
  }
}
