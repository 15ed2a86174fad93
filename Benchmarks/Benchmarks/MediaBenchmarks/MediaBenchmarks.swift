import Benchmark
import Charting
import Foundation
import GIFCodec
import GIFMaking
import GIFToVideo
import Heatmaps
import ImageIO
import LumenCore
import MapRendering
import PaletteExtraction
import TableAnalysis
import Tables
import ToolDispatch

/// Inputs: the committed demo GIF, and the large corpus GIFs when ../shared/gifcorpus is present.
enum Inputs {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let demo = root.appendingPathComponent("Fixtures/demo.gif").path
  static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/gifcorpus")

  static let images = root.deletingLastPathComponent().appendingPathComponent("shared/imgcorpus")

  /// `(benchmark name, path)` for the palette images that exist (the fixture JPEG always).
  static var photos: [(String, String)] {
    var list = [("hopper-128", root.appendingPathComponent("Fixtures/photo_hopper.jpg").path)]
    for (name, file) in [
      ("louvre-12MP", "photo_louvre_12mp.jpg"), ("changi-1.5MP", "photo_jewel_changi_small.jpg"),
      ("astronaut-png", "photo_astronaut.png"),
    ] {
      let path = images.appendingPathComponent(file).path
      if FileManager.default.fileExists(atPath: path) { list.append((name, path)) }
    }
    return list
  }

  /// `(benchmark name, path)` for the fixture and each large corpus GIF that exists.
  static var gifs: [(String, String)] {
    var list = [("demo", demo)]
    for (name, file) in [
      ("chi", "pillow__chi.gif"), ("testsrc2-480x270", "synth_testsrc2_480x270_200f.gif"),
      ("testsrc-1280x720", "synth_testsrc_1280x720_60f.gif"),
      ("demo-player", "flanimated__demo-player.gif"),
      ("muybridge", "imagegif__gifplayer-muybridge.gif"),
    ] {
      let path = corpus.appendingPathComponent(file).path
      if FileManager.default.fileExists(atPath: path) { list.append((name, path)) }
    }
    return list
  }

  /// The 1,055 US lighthouses in ../shared/mapdata, when that folder is present.
  static var lighthouses: String? {
    let path = root.deletingLastPathComponent()
      .appendingPathComponent("shared/mapdata/us_lighthouses_lighthousefriends.csv").path
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }
}

/// The map suites' inputs, built on first use (in each benchmark's setup, outside the measured
/// blocks) and only when a Map benchmark runs: the lighthouses read once, and one renderer.
enum MapInputs {
  /// The default job: 800×500, 10 fps × 6 s = 60 frames, automatic region, dark theme.
  static let options = MapOptions()
  static let table = Result { () throws(MapError) -> PointTable in
    guard let path = Inputs.lighthouses else { throw MapError.unreadableInput("no lighthouse CSV") }
    return try PointTable.read(path: path)
  }
  static let renderer = Result { () throws -> MapRenderer in
    try MapRenderer(points: table.get().points, options: options)
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
        var flattener = FrameFlattener(
          background: .white, outputSize: decoder.screenSize.roundedUpToEven)
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

  // lumen gif: a GIF re-encoded (timeline, palette of its exact colours, changed rectangles)
  // and, when the compare script's clips are there, a video at 15 fps and 480 pixels wide.
  var gifSources = Inputs.gifs.map { ($0.0, $0.1, false) }
  for clip in ["testsrc2", "zoompan"] {
    let path = "/tmp/lumen-gif-compare/\(clip).mp4"
    if FileManager.default.fileExists(atPath: path) { gifSources.append((clip, path, true)) }
  }
  for (name, path, isVideo) in gifSources {
    Benchmark("MakeGIF.\(name)", configuration: .init(maxIterations: 5)) { benchmark in
      let output = FileManager.default.temporaryDirectory
        .appendingPathComponent("lumen-bench-\(UUID().uuidString).gif").path
      var options = GIFOptions()
      if isVideo {
        options.framesPerSecond = 15
        options.width = 480
      }
      options.overwrite = true
      defer { try? FileManager.default.removeItem(atPath: output) }
      for _ in benchmark.scaledIterations {
        blackHole(try MakeGIF.make(inputs: [path], output: output, options: options))
      }
    }
  }

  for (name, path) in Inputs.photos {
    Benchmark("Palette.decode.\(name)") { benchmark in
      for _ in benchmark.scaledIterations {
        _ = try ImageSource.read(path: path, reducedDecodingTarget: 500_000) { blackHole($0) }
      }
    }

    Benchmark("Palette.histogram.\(name)") { benchmark in
      var decoded: RGBAImage?
      _ = try ImageSource.read(path: path, reducedDecodingTarget: 500_000) { decoded = $0 }
      let image = decoded!
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        var histogram = ColorHistogram()
        histogram.add(image)
        blackHole(histogram)
      }
    }

    for k in [8, 16] {
      Benchmark("Palette.cluster.k\(k).\(name)") { benchmark in
        var histogram = ColorHistogram()
        _ = try ImageSource.read(path: path, reducedDecodingTarget: 500_000) { histogram.add($0) }
        var options = ClusteringOptions()
        options.count = .exactly(k)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
          blackHole(PaletteClustering.cluster(from: histogram, options: options))
        }
      }

      Benchmark("Palette.total.k\(k).\(name)") { benchmark in
        var options = ExtractPaletteOptions()
        options.clustering.count = .exactly(k)
        for _ in benchmark.scaledIterations {
          blackHole(try ExtractPalette.run(path: path, options: options))
        }
      }
    }
  }

  if let csv = Inputs.lighthouses {
    // Region resolution, basemap load (the bundled .lbm), light placement and the base picture.
    Benchmark(
      "Map.basemap", configuration: .init(maxIterations: 50),
      closure: { benchmark in
        let points = try MapInputs.table.get().points
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
          blackHole(try MapRenderer(points: points, options: MapInputs.options))
        }
      }, setup: { _ = try MapInputs.table.get() })

    // One frame: copy the basemap, add the lit glows. The frame buffer is reused, as in the
    // encoders; the index cycles through the animation's 60 frames.
    var frame: RGBAImage?
    var index = 0
    Benchmark(
      "Map.frame", configuration: .init(maxIterations: 600),
      closure: { benchmark in
        let renderer = try MapInputs.renderer.get()
        if frame == nil { frame = renderer.basemap }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
          try renderer.draw(index, into: &frame!)
          index = (index + 1) % renderer.options.frameCount
        }
        benchmark.stopMeasurement()
        blackHole(frame)
      }, setup: { _ = try MapInputs.renderer.get() })

    // The whole GIF job without CSV parsing: renderer, 60 frames, palette mapping, LZW, file.
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("lumen-bench-map-\(UUID().uuidString).gif").path
    Benchmark(
      "Map.gifEncode", configuration: .init(maxIterations: 10),
      closure: { benchmark in
        let table = try MapInputs.table.get()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
          blackHole(
            try MapAnimation.render(
              table, input: csv, output: output, format: .gif, options: MapInputs.options))
        }
      }, setup: { _ = try MapInputs.table.get() },
      teardown: { try? FileManager.default.removeItem(atPath: output) })
  }

  // Charts in process (the target: 10 ms per chart at 800×500): read the table, build the
  // scene, write the file. The Seattle weather fixture (366 rows) and a 200,000-row table
  // written once (deterministic) for the reader.
  let tables = Inputs.root.appendingPathComponent("Fixtures/tables")
  let weather = tables.appendingPathComponent("seattle-weather-2012.csv").path
  let tips = tables.appendingPathComponent("tips.csv").path
  let chartFolder = FileManager.default.temporaryDirectory
    .appendingPathComponent("lumen-bench-chart-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: chartFolder, withIntermediateDirectories: true)
  func chartOptions(_ kind: ChartKind, _ x: String, _ y: [String], _ agg: ChartAggregation? = nil)
    -> ChartOptions
  {
    var options = ChartOptions()
    options.kind = kind
    options.x = x
    options.y = y
    options.aggregation = agg
    return options
  }
  let charts: [(String, String, ChartOptions)] = [
    ("bar.tips.png", tips, chartOptions(.bar, "day", ["tip"], .mean)),
    ("bar.tips.svg", tips, chartOptions(.bar, "day", ["tip"], .mean)),
    ("line.weather.png", weather, chartOptions(.line, "date", ["temp_max", "temp_min"])),
    ("scatter.tips.png", tips, chartOptions(.scatter, "total_bill", ["tip"])),
    ("histogram.weather.png", weather, chartOptions(.histogram, "temp_max", [])),
    ("box.weather.png", weather, chartOptions(.box, "weather", ["temp_max"])),
  ]
  for (name, data, options) in charts {
    let output = chartFolder.appendingPathComponent(name).path
    Benchmark("Chart.\(name)", configuration: .init(maxIterations: 200)) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try Chart.make(data: data, output: output, options: options, overwrite: true))
      }
    }
  }
  let big = chartFolder.appendingPathComponent("synthetic-200k.csv").path
  Benchmark(
    "Table.read.200k", configuration: .init(maxIterations: 20),
    closure: { benchmark in
      for _ in benchmark.scaledIterations { blackHole(try TableReader.read(path: big)) }
    },
    setup: {
      guard !FileManager.default.fileExists(atPath: big) else { return }
      var random = SplitMix64(seed: 7)
      let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
      var text = "ts,category,value,count\n"
      for i in 0..<200_000 {
        let minute = i * 525_600 / 200_000
        let day = minute / 1440
        let (month, dom) = (day / 31 % 12 + 1, day % 28 + 1)
        let stamp =
          "2023-\(month < 10 ? "0" : "")\(month)-\(dom < 10 ? "0" : "")\(dom)T\(minute / 60 % 24 < 10 ? "0" : "")\(minute / 60 % 24):\(minute % 60 < 10 ? "0" : "")\(minute % 60):00"
        let value = Double(random.next() % 100_000) / 1000
        text += "\(stamp),\(words[Int(random.next() % 8)]),\(value),\(random.next() % 100)\n"
      }
      try Data(text.utf8).write(to: URL(fileURLWithPath: big))
    })

  // Heatmaps in process (the target: 5 ms for a 100×100 matrix page): a 100×100 and a
  // 1000×1000 matrix written once (deterministic), and an hourly pivot of the weather days.
  for side in [100, 1000] {
    let matrix = chartFolder.appendingPathComponent("matrix-\(side).csv").path
    let output = chartFolder.appendingPathComponent("matrix-\(side).html").path
    Benchmark(
      "Heatmap.matrix\(side).html", configuration: .init(maxIterations: side == 100 ? 200 : 10),
      closure: { benchmark in
        for _ in benchmark.scaledIterations {
          blackHole(
            try Heatmap.make(
              data: matrix, output: output, options: HeatmapOptions(), overwrite: true))
        }
      },
      setup: {
        guard !FileManager.default.fileExists(atPath: matrix) else { return }
        var random = SplitMix64(seed: UInt64(side))
        var text = "id," + (0..<side).map { "k\($0)" }.joined(separator: ",") + "\n"
        for r in 0..<side {
          text += "row\(r)"
          for _ in 0..<side { text += ",\(Double(random.next() % 100_000) / 1000)" }
          text += "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: matrix))
      })
  }
  var pivot = HeatmapOptions()
  pivot.x = "month:date"
  pivot.y = "weather"
  pivot.value = "temp_max"
  for format in ["html", "png"] {
    let output = chartFolder.appendingPathComponent("pivot.\(format)").path
    Benchmark("Heatmap.pivot.weather.\(format)", configuration: .init(maxIterations: 200)) {
      benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try Heatmap.make(data: weather, output: output, options: pivot, overwrite: true))
      }
    }
  }

  // lumen analyze: the committed weather table, the small fixture, and a generated
  // 200,000-row table of orders (made once in the temporary folder).
  let orders = chartFolder.appendingPathComponent("orders-200k.csv").path
  for (name, path) in [
    ("weather", weather),
    ("small", Inputs.root.appendingPathComponent("Fixtures/analyze-small.csv").path),
    ("orders200k", orders),
  ] {
    let output = chartFolder.appendingPathComponent("analysis-\(name)").path
    Benchmark(
      "Analyze.\(name)",
      configuration: .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
        maxIterations: name == "orders200k" ? 10 : 100),
      closure: { benchmark in
        for _ in benchmark.scaledIterations {
          blackHole(try TableAnalysis.analyze(data: path, output: output, overwrite: true))
        }
      },
      setup: {
        guard name == "orders200k", !FileManager.default.fileExists(atPath: orders) else { return }
        var random = SplitMix64(seed: 200)
        let regions = ["North", "South", "East", "West", "Central", "Online"]
        var text = "order_id,date,region,quantity,unit_price,discount,revenue,returned\n"
        for i in 0..<200_000 {
          let quantity = 1 + Int(random.next() % 12)
          let price = Double(random.next() % 20_000) / 100
          let discount = [0, 0.05, 0.1, 0.2][Int(random.next() % 4)]
          let day = 1 + i / 7_000
          text +=
            "\(100_000 + i),2023-\(String(format: "%02d-%02d", 1 + day / 28 % 12, 1 + day % 28)) 10:\(String(format: "%02d", i % 60)):00,\(regions[i % 6]),\(quantity),\(price),\(discount),\(Double(quantity) * price * (1 - discount)),\(random.next() % 10 == 0)\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: orders))
      })
  }

  // Dispatch overhead: parse an OpenAI tool call, validate, decode and route a no-op tool.
  let registry = ToolRegistry()
  try? registry.register(NoOpTool())
  let workspace = try? Workspace(root: FileManager.default.temporaryDirectory.path)
  let call =
    #"{"id":"call_1","type":"function","function":{"name":"noop","arguments":"{\"text\":\"hello\",\"count\":3}"}}"#
  Benchmark(
    "Dispatch.noop",
    configuration: .init(
      metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(20),
      maxIterations: 50_000)
  ) { benchmark in
    guard let workspace else { return }
    for _ in benchmark.scaledIterations {
      let parsed = try ToolCall.parse(JSONText.decode(call))
      let result = try await registry.call(
        name: parsed[0].name, arguments: parsed[0].arguments,
        context: ToolContext(workspace: workspace))
      blackHole(parsed[0].answer(result))
    }
  }
}

/// A tool that does nothing, to measure the dispatcher alone.
struct NoOpTool: Tool {
  /// No report: the schema of an empty object.
  struct Output: Decodable {}

  struct Arguments: ToolArguments {
    var text: String
    var count: Int?
    enum CodingKeys: String, CodingKey { case text, count }
    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      text = try container.decode(String.self, forKey: .text)
      count = try container.decodeIfPresent(Int.self, forKey: .count)
    }
    static let fieldDescriptions = ["text": "Echoed.", "count": "Ignored."]
  }

  let name = "noop"
  let title = "No-op"
  let description = "Does nothing."
  let exampleArguments = #"{"text": "hi", "count": null}"#
  var isHeavy: Bool { false }

  func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    ToolResult(isError: false, text: arguments.text)
  }
}
