import Charting
import Foundation
import LumenCore
import PNGCodec
import TestSupport
import Testing

@Suite("Charts: values in the marks equal an independent computation")
struct ChartValueTests {
  let tips = Fixtures.path("tables/tips.csv")

  @Test("Bar: mean tip by day")
  func barMeans() throws {
    let chart = try ChartSVG(tips) {
      $0.kind = .bar
      $0.x = "day"
      $0.y = ["tip"]
      $0.aggregation = .mean
    }
    let days = TipsRows.words("day")
    let tipsByRow = TipsRows.values("tip")
    var expected: [String: (Double, Int)] = [:]
    for (day, tip) in zip(days, tipsByRow) {
      expected[day, default: (0, 0)].0 += tip
      expected[day, default: (0, 0)].1 += 1
    }
    let labels = chart.markLabels
    #expect(labels.count == expected.count)
    for label in labels {
      let fields = ChartSVG.fields(label)
      let day = try #require(fields["day"])
      let value = try #require(fields["tip (mean)"].flatMap(Double.init))
      let (sum, count) = try #require(expected[day])
      #expect(abs(value - sum / Double(count)) <= 0.005, "\(day)")
    }
    #expect(chart.report.valueTitle == "tip (mean)")
    #expect(chart.texts.contains("tip (mean)"))
  }

  @Test("Grouped bars: a legend entry per colour, sums per day and sex")
  func grouped() throws {
    let chart = try ChartSVG(tips) {
      $0.kind = .bar
      $0.x = "day"
      $0.y = ["total_bill"]
      $0.color = "sex"
    }
    var expected: [String: Double] = [:]
    for row in TipsRows.rows { expected["\(row[4])|\(row[2])", default: 0] += Double(row[0])! }
    let labels = chart.markLabels
    #expect(labels.count == expected.count)
    for label in labels {
      let f = ChartSVG.fields(label)
      let value = try #require(
        f["total_bill (sum)"].flatMap { Double($0.replacingOccurrences(of: ",", with: "")) })
      #expect(abs(value - expected["\(f["day"]!)|\(f["sex"]!)"]!) <= 0.005)
    }
    #expect(chart.text.contains("<g data-series=\"Female\""))
    #expect(chart.text.contains("<g data-series=\"Male\""))
  }

  @Test("Histogram: NumPy's equal-width edges, the counts in each")
  func histogram() throws {
    let chart = try ChartSVG(tips) {
      $0.kind = .histogram
      $0.x = "total_bill"
      $0.bins = 8
    }
    let values = TipsRows.values("total_bill")
    let low = values.min()!
    let high = values.max()!
    let width = (high - low) / 8
    var counts = Array(repeating: 0, count: 8)
    for v in values { counts[min(Int((v - low) / width), 7)] += 1 }
    let labels = chart.markLabels
    #expect(labels.count == 8)
    #expect(labels.map { Int(ChartSVG.fields($0)["count"]!)! } == counts)
    let firstRange = ChartSVG.fields(labels[0])["total_bill"]!
    #expect(firstRange.hasPrefix(String(format: "%.2f", low)))
  }

  @Test("Box: quartiles with linear interpolation (NumPy's default), Tukey whiskers")
  func box() throws {
    let chart = try ChartSVG(tips) {
      $0.kind = .box
      $0.x = "time"
      $0.y = ["tip"]
    }
    func quantile(_ sorted: [Double], _ q: Double) -> Double {
      let h = Double(sorted.count - 1) * q
      let lo = Int(h)
      return sorted[lo] + (sorted[min(lo + 1, sorted.count - 1)] - sorted[lo]) * (h - Double(lo))
    }
    let boxes = chart.markLabels.map(ChartSVG.fields).filter { $0["tip median"] != nil }
    #expect(boxes.count == Set(TipsRows.words("time")).count)
    for box in boxes {
      let time = box["time"]!
      let sorted = zip(TipsRows.words("time"), TipsRows.values("tip")).filter { $0.0 == time }
        .map(\.1).sorted()
      #expect(abs(Double(box["tip q1"]!)! - quantile(sorted, 0.25)) <= 0.005)
      #expect(abs(Double(box["tip median"]!)! - quantile(sorted, 0.5)) <= 0.005)
      #expect(abs(Double(box["tip q3"]!)! - quantile(sorted, 0.75)) <= 0.005)
      let iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25)
      let upper = sorted.last { $0 <= quantile(sorted, 0.75) + 1.5 * iqr }!
      #expect(abs(Double(box["tip max"]!)! - upper) <= 0.005)
      #expect(Int(box["rows"]!) == sorted.count)
    }
  }

  @Test("Line by month: monthly means of a date column")
  func monthly() throws {
    let path = Fixtures.path("tables/seattle-weather-2012.csv")
    let chart = try ChartSVG(path) {
      $0.kind = .line
      $0.x = "date"
      $0.y = ["temp_max"]
      $0.timeUnit = .month
    }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var sums: [String: (Double, Int)] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      let month = fields[0].prefix(7).replacingOccurrences(of: "/", with: "-")
      sums[month, default: (0, 0)].0 += Double(fields[2])!
      sums[month, default: (0, 0)].1 += 1
    }
    let labels = chart.markLabels.map(ChartSVG.fields)
    #expect(labels.count == 12)
    #expect(labels.map { $0["date"]! } == sums.keys.sorted())
    for label in labels {
      let (sum, count) = sums[label["date"]!]!
      #expect(abs(Double(label["temp_max (mean)"]!)! - sum / Double(count)) <= 0.005)
    }
  }

  @Test("Pie: shares add up to 100 %")
  func pie() throws {
    let chart = try ChartSVG(tips) {
      $0.kind = .pie
      $0.x = "day"
    }
    let labels = chart.markLabels.map(ChartSVG.fields)
    #expect(labels.map { Int($0["count"]!)! }.reduce(0, +) == TipsRows.rows.count)
    let shares = labels.map { Double($0["share"]!.dropLast())! }
    #expect(abs(shares.reduce(0, +) - 100) < 0.3)
  }

  @Test("Scatter: one mark per row with both numbers")
  func scatter() throws {
    let chart = try ChartSVG(tips) {
      $0.kind = .scatter
      $0.x = "total_bill"
      $0.y = ["tip"]
    }
    #expect(chart.markLabels.count == TipsRows.rows.count)
    #expect(chart.report.rowsUsed == TipsRows.rows.count)
  }
}

@Suite("Charts: structure, pixels, documents")
struct ChartStructureTests {
  let tips = Fixtures.path("tables/tips.csv")

  @Test("Value ticks at nice values, axis titles from the columns")
  func ticks() throws {
    let chart = try ChartSVG(tips) {
      $0.kind = .bar
      $0.x = "day"
      $0.y = ["tip"]
      $0.aggregation = .mean
    }
    for tick in ["0", "1", "2", "3", "4"] { #expect(chart.texts.contains(tick)) }
    #expect(chart.texts.contains("day"))
    #expect(!chart.text.contains("class=\"legend\""))
  }

  @Test("PNG: the size times the scale, marks drawn inside the canvas")
  func png() throws {
    let dir = TemporaryDirectory()
    var options = ChartOptions()
    options.kind = .bar
    options.x = "day"
    options.size = Size(width: 400, height: 300)
    options.scale = 2
    _ = try Chart.make(data: tips, output: dir.file("c.png"), options: options)
    let image = try PNGFile.read(path: dir.file("c.png"))
    #expect(image.width == 800 && image.height == 600)
    // The bars' blue (Okabe–Ito #0072B2) fills part of the plot.
    var blue = 0
    for i in stride(from: 0, to: image.bytes.count, by: 4)
    where image.bytes[i] == 0 && image.bytes[i + 1] == 114 && image.bytes[i + 2] == 178 {
      blue += 1
    }
    #expect(blue > 800 * 600 / 10)
    // The corner is background.
    #expect(Array(image.bytes[0..<4]) == [255, 255, 255, 255])
  }

  @Test("PDF: a Chinese header's glyphs come from an embedded CJK font")
  func pdfFonts() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdffonts") else {
      Issue.record("pdffonts (poppler-utils) is missing: scripts/setup installs it")
      return
    }
    let dir = TemporaryDirectory()
    var options = ChartOptions()
    options.kind = .bar
    options.x = "城市"
    options.y = ["人口(万)"]
    options.title = "中国城市人口"
    _ = try Chart.make(
      data: Fixtures.path("tables/cjk.csv"), output: dir.file("c.pdf"), options: options)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdffonts")
    process.arguments = [dir.file("c.pdf")]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let listing = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let cjk = listing.split(separator: "\n").filter {
      $0.contains("CJK") || $0.contains("WenQuanYi") || $0.contains("Droid") || $0.contains("Noto")
    }
    #expect(!cjk.isEmpty, "\(listing)")
    #expect(cjk.allSatisfy { $0.contains(" yes ") }, "fonts embedded: \(listing)")
  }

  @Test("HTML: one self-contained file with the SVG, a tooltip element, no external URL")
  func html() throws {
    let dir = TemporaryDirectory()
    var options = ChartOptions()
    options.kind = .line
    options.x = "size"
    options.y = ["tip"]
    options.color = "sex"
    _ = try Chart.make(data: tips, output: dir.file("c.html"), options: options)
    let page = try String(contentsOfFile: dir.file("c.html"), encoding: .utf8)
    #expect(page.contains("role=\"tooltip\""))
    #expect(page.components(separatedBy: "<svg").count == 2)
    let urls = page.components(separatedBy: "http").dropFirst().filter {
      !$0.hasPrefix("://www.w3.org/2000/svg")
    }
    #expect(urls.isEmpty)
  }
}

@Suite("Charts: legend series")
struct ChartSeriesTests {
  @Test("Stacked areas: each fill carries its series, so the legend hides it with its line")
  func areaSeries() throws {
    let chart = try ChartSVG(Fixtures.path("tables/tips.csv")) {
      $0.kind = .area
      $0.x = "day"
      $0.y = ["tip"]
      $0.color = "sex"
    }
    let polygons = chart.text.split(separator: "\n").filter { $0.hasPrefix("<polygon") }
    #expect(polygons.count == 2)
    #expect(polygons.contains { $0.contains("data-series=\"Female\"") })
    #expect(polygons.contains { $0.contains("data-series=\"Male\"") })
  }
}

@Suite("Charts: bad options and data get clear errors")
struct ChartErrorTests {
  let tips = Fixtures.path("tables/tips.csv")

  func failure(_ configure: (inout ChartOptions) -> Void, output: String = "c.svg") -> (
    any LumenError
  )? {
    let dir = TemporaryDirectory()
    var options = ChartOptions()
    configure(&options)
    do {
      _ = try Chart.make(data: tips, output: dir.file(output), options: options)
      return nil
    } catch let error as any LumenError {
      return error
    } catch {
      return nil
    }
  }

  @Test("Unknown column, words where numbers are needed, wrong output, bad combinations")
  func errors() throws {
    let unknown = try #require(failure { $0.x = "dya" })
    #expect(unknown.description.contains("did you mean \"day\"?"))
    let words = try #require(
      failure {
        $0.x = "day"
        $0.y = ["sex"]
      })
    #expect(words.category == .badInput)
    #expect(words.description.contains("\"sex\""))
    let format = try #require(failure({ $0.x = "day" }, output: "c.jpg"))
    #expect(format.category == .invalidOption)
    let histogramWithY = try #require(
      failure {
        $0.kind = .histogram
        $0.x = "tip"
        $0.y = ["tip"]
      })
    #expect(histogramWithY.description.contains("leave out y"))
    #expect(failure { $0.x = "" }?.category == .invalidOption)
  }

  @Test("An existing output is never replaced unless asked; nothing is left behind on failure")
  func outputSafety() throws {
    let dir = TemporaryDirectory()
    let output = dir.write(Array("keep".utf8), to: "c.svg")
    var options = ChartOptions()
    options.x = "day"
    #expect(throws: OutputFile.Failure.self) {
      try Chart.make(data: tips, output: output, options: options)
    }
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep")
    options.y = ["sex"]
    #expect(throws: (any Error).self) {
      try Chart.make(data: tips, output: dir.file("d.svg"), options: options)
    }
    #expect(dir.contents() == ["c.svg"])
    // A table whose name says .html, given as its own output, even with overwrite.
    let table = dir.write(Array("day\nSun\n".utf8), to: "t.html")
    options.y = []
    #expect(throws: OutputFile.Failure.self) {
      try Chart.make(data: table, output: table, options: options, overwrite: true)
    }
    #expect(try String(contentsOfFile: table, encoding: .utf8) == "day\nSun\n")
  }
}

@Suite("Charts: big tables stay readable and bounded")
struct ChartLimitTests {
  /// 5,000 rows: a distinct x per row, and y = x mod 7.
  func table() -> (TemporaryDirectory, String) {
    let dir = TemporaryDirectory()
    var text = "x,y,word\n"
    for i in 0..<5_000 { text += "\(i),\(i % 7),w\(i)\n" }
    return (dir, dir.write(Array(text.utf8), to: "big.csv"))
  }

  @Test("A line of 5,000 points is averaged into 2,000 intervals, with a warning")
  func thinnedLine() throws {
    let (dir, path) = table()
    defer { withExtendedLifetime(dir) {} }
    let chart = try ChartSVG(path) {
      $0.kind = .line
      $0.x = "x"
      $0.y = ["y"]
    }
    #expect(chart.markLabels.count <= 2_000 && chart.markLabels.count > 1_900)
    #expect(chart.report.warnings.contains { $0.contains("averaged into at most 2000") })
    // Each interval's mean of y equals the mean of the rows that fell in it (2.5 x values each).
    let means = chart.markLabels.map { Double(ChartSVG.fields($0)["y (mean)"]!)! }
    #expect(means.allSatisfy { (0...6).contains($0) })
  }

  @Test("Thousands of bars fold into the largest 199 and \"other\", with a warning")
  func foldedBars() throws {
    let (dir, path) = table()
    defer { withExtendedLifetime(dir) {} }
    let chart = try ChartSVG(path) {
      $0.kind = .bar
      $0.x = "word"
      $0.y = ["y"]
    }
    let labels = chart.markLabels.map(ChartSVG.fields)
    #expect(labels.count == 200)
    #expect(labels.last?["word"] == "other")
    // "other" sums every row not drawn: the total is kept.
    let total = labels.map { Double($0["y (sum)"]!.replacingOccurrences(of: ",", with: ""))! }
      .reduce(0, +)
    #expect(total == Double((0..<5_000).map { $0 % 7 }.reduce(0, +)))
    #expect(chart.report.warnings.contains { $0.contains("5000 distinct values of word") })
  }

  @Test("A heatmap with thousands of columns is refused with a limit, not drawn")
  func heatmapLimit() throws {
    let (dir, path) = table()
    var options = ChartOptions()
    options.kind = .heatmap
    options.x = "word"
    options.y = ["y"]
    #expect(throws: ChartError.self) {
      try Chart.make(data: path, output: dir.file("h.svg"), options: options)
    }
    do {
      _ = try Chart.make(data: path, output: dir.file("h.svg"), options: options)
    } catch let error as ChartError {
      #expect(error.category == .limitExceeded)
    }
    #expect(dir.contents() == ["big.csv"])
  }

  @Test("A heatmap of values on both sides of zero is diverging: red below, blue above")
  func divergingHeatmap() throws {
    let dir = TemporaryDirectory()
    let path = dir.write(
      Array("a,b,r\nx,x,1\nx,y,-0.9\ny,x,0\ny,y,0.45\n".utf8), to: "corr.csv")
    let chart = try ChartSVG(path) {
      $0.kind = .heatmap
      $0.x = "a"
      $0.y = ["b"]
      $0.color = "r"
    }
    func fill(of value: String) -> (Int, Int, Int)? {
      for line in chart.text.split(separator: "\n")
      where line.contains("role=\"graphics-symbol\"") && line.contains("r: \(value)\"") {
        guard let start = line.range(of: "fill=\"#")?.upperBound else { return nil }
        let hex = String(line[start...].prefix(6))
        guard let v = Int(hex, radix: 16) else { return nil }
        return (v >> 16, v >> 8 & 255, v & 255)
      }
      return nil
    }
    let negative = try #require(fill(of: "-0.9"))
    let zero = try #require(fill(of: "0"))
    let positive = try #require(fill(of: "1"))
    #expect(negative.0 > negative.2 + 60, "red for -0.9: \(negative)")
    #expect(positive.2 > positive.0 + 60, "blue for 1: \(positive)")
    #expect(abs(zero.0 - zero.2) < 20 && zero.1 > 200, "neutral for 0: \(zero)")
    // One row per cell: the colour bar names the column, without an aggregate.
    #expect(chart.text.contains(">r</text>"))
  }
}
