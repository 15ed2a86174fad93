import Deflate
import Foundation
import LumenCore
import PNGCodec
import Tables
import TestSupport
import Testing
import ZIPFoundation

@testable import Heatmaps

@Suite("Heatmaps: cells equal an independent computation")
struct HeatmapValueTests {
  /// A deterministic long table of events: time and amount.
  static let events: (csv: String, rows: [(days: Int, hour: Int, amount: Double)]) = {
    var generator = SplitMix64(seed: 11)
    var rows: [(Int, Int, Double)] = []
    var csv = "time,amount\n"
    let start = CivilDate.days(year: 2024, month: 1, day: 1)
    for _ in 0..<3000 {
      let day = start + Int(generator.next() % 366)
      let second = Int(generator.next() % 86_400)
      let amount = Double(generator.next() % 10_000) / 100
      let (y, m, d) = CivilDate.date(days: day)
      func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
      csv +=
        "\(y)-\(pad(m))-\(pad(d)) \(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60)),\(amount)\n"
      rows.append((day, second / 3600, amount))
    }
    return (csv, rows)
  }()

  static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

  @Test("Pivot: weekday × hour counts and means of amount")
  func pivot() throws {
    let counts = try HeatmapSVG(csv: Self.events.csv) {
      $0.x = "hour:time"
      $0.y = "weekday:time"
    }
    let means = try HeatmapSVG(csv: Self.events.csv) {
      $0.x = "hour:time"
      $0.y = "weekday:time"
      $0.value = "amount"
      $0.aggregation = .mean
    }
    var expected: [String: (Double, Int)] = [:]
    for row in Self.events.rows {
      let weekday = Self.weekdays[((row.days + 3) % 7 + 7) % 7]
      expected["\(weekday)|\(row.hour)", default: (0, 0)].0 += row.amount
      expected["\(weekday)|\(row.hour)", default: (0, 0)].1 += 1
    }
    #expect(counts.rows == Self.weekdays)
    #expect(counts.cells.count == 7 * 24)
    #expect(counts.report.valueTitle == "count")
    for (key, (sum, count)) in expected {
      let parts = key.split(separator: "|").map(String.init)
      #expect(counts.value(row: parts[0], column: parts[1]) == Double(count), "\(key)")
      let mean = try #require(means.value(row: parts[0], column: parts[1]))
      #expect(abs(mean - sum / Double(count)) <= 1e-9 * max(1, abs(mean)), "\(key)")
    }
    #expect(means.report.valueTitle == "mean(amount)")
    #expect(counts.cells.prefix(24).map(\.column) == (0..<24).map(String.init))
  }

  @Test("Matrix: labels in file order, values as written, a missing cell says so")
  func matrix() throws {
    let csv = "name,a,b,c\nr1,1.5,2,3\nr2,4,,-6.25\n"
    let svg = try HeatmapSVG(csv: csv) { _ in }
    #expect(svg.rows == ["r1", "r2"])
    #expect(svg.cells.map(\.column) == ["a", "b", "c", "a", "b", "c"])
    #expect(svg.cells.map(\.value) == ["1.5", "2", "3", "4", "no data", "-6.25"])
    #expect(svg.report.missingCells == 1)
    #expect(svg.report.minValue == -6.25 && svg.report.maxValue == 4)
  }

  @Test("Calendar: one cell per day of the year, sums by date, missing days say so")
  func calendar() throws {
    var csv = "day,sales\n"
    var expected: [Int: Double] = [:]
    let start = CivilDate.days(year: 2024, month: 1, day: 1)
    for k in 0..<366 where k % 17 != 5 {
      let (y, m, d) = CivilDate.date(days: start + k)
      let sales = Double(k * 7 % 101)
      csv += "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d),\(sales)\n"
      // A second row on some days: the cell sums them.
      if k % 9 == 0 { csv += "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d),1\n" }
      expected[start + k] = sales + (k % 9 == 0 ? 1 : 0)
    }
    let svg = try HeatmapSVG(csv: csv) {
      $0.calendar = "day"
      $0.value = "sales"
    }
    #expect(svg.cells.count == 366)
    let offset = (start + 3) % 7  // Monday 0; 2024-01-01 was a Monday
    #expect(offset == 0)
    for k in 0..<366 {
      let day = start + k
      let weekday = ((day + 3) % 7 + 7) % 7
      let week = (k + offset) / 7
      let value = try #require(
        svg.value(row: "2024 \(Self.weekdays[weekday])", column: String(week + 1)))
      if let sales = expected[day] {
        #expect(value == sales, "day \(k)")
      } else {
        #expect(value.isNaN, "day \(k) has no data")
      }
    }
    #expect(svg.report.missingCells == (0..<366).filter { $0 % 17 == 5 }.count)
  }

  @Test("Cluster order puts similar rows together (average linkage)")
  func cluster() throws {
    let csv = "name,a,b,c\nA,0,0,0\nB,10,10,10\nC,0.5,0,0\nD,10,10,11\nE,0,1,0\n"
    let svg = try HeatmapSVG(csv: csv) { $0.order = .cluster }
    #expect(svg.rows == ["A", "C", "E", "B", "D"])
    let sorted = try HeatmapSVG(csv: csv) { $0.order = .sort }
    #expect(sorted.rows == ["D", "B", "E", "C", "A"])
    #expect(HeatmapOrdering.cluster([[0], [5], [0.1], [5.2], [9]]) == [0, 2, 1, 3, 4])
  }

  @Test("A PNG cell has the scale's colour for its value")
  func pngColours() throws {
    let dir = TemporaryDirectory()
    let data = dir.write(Array("name,a,b\nr1,0,1\nr2,2,3\n".utf8), to: "m.csv")
    var options = HeatmapOptions()
    options.scale = .magma
    options.annotate = .off
    let output = dir.file("m.png")
    _ = try Heatmap.make(data: data, output: output, options: options)
    let image = try PNGFile.read(path: output)
    let table = try TableReader.read(path: data)
    let grid = try HeatmapGridBuilder.grid(table, options: options)
    let coloring = try HeatmapColoring(grid: grid, options: options)
    let (scene, _) = try HeatmapScene.scene(
      grid, coloring: coloring, options: options, size: options.size)
    var checked = 0
    for item in scene.items {
      guard case .rect(let x, let y, let w, let h, _, let mark?) = item else { continue }
      let value = try #require(Double(mark.fields[2].value))
      let expected = try #require(coloring.color(value))
      let pixel = image[Int(x + w / 2), Int(y + h / 2)]
      #expect(
        abs(Int(pixel.red) - Int(expected.red)) <= 1
          && abs(Int(pixel.green) - Int(expected.green)) <= 1
          && abs(Int(pixel.blue) - Int(expected.blue)) <= 1, "\(value): \(pixel) vs \(expected)")
      checked += 1
    }
    #expect(checked == 4)
    // The ends of the scale are its first and last colours.
    #expect(coloring.color(0) == HeatmapScale.magma.table[0])
    #expect(coloring.color(3) == HeatmapScale.magma.table[255])
  }

  @Test("Diverging scales put the centre in the middle; log scales space decades evenly")
  func scales() throws {
    var options = HeatmapOptions()
    options.scale = .rdbu
    options.center = 0
    let grid = HeatmapGrid(
      rowLabels: ["r"], columnLabels: ["a", "b", "c"], values: [-1, 0, 4], rowTitle: "r",
      columnTitle: "c", valueTitle: "v")
    let diverging = try HeatmapColoring(grid: grid, options: options)
    #expect(diverging.position(0) == 0.5)
    #expect(diverging.position(4) == 1)
    #expect(diverging.position(-4) == 0)
    var logOptions = HeatmapOptions()
    logOptions.log = true
    let logGrid = HeatmapGrid(
      rowLabels: ["r"], columnLabels: ["a", "b", "c"], values: [1, 10, 100], rowTitle: "r",
      columnTitle: "c", valueTitle: "v")
    let log = try HeatmapColoring(grid: logGrid, options: logOptions)
    #expect(abs(log.position(10)! - 0.5) < 1e-12)
    for scale in HeatmapScale.allCases { #expect(scale.table.count == 256) }
  }
}

@Suite("Heatmap value formats, as Python writes them")
struct HeatmapValueFormatTests {
  @Test(arguments: [
    (".2f", 3.14159, "3.14"), (",.0f", 1_234_567.5, "1,234,568"), (",.1f", -9876.54, "-9,876.5"),
    (".1%", 0.256, "25.6%"), (".0%", 1.0, "100%"), (".2e", 12_345.0, "1.23e+04"),
    (".1e", 0.000_123, "1.2e-04"), (".2e", 9.999, "1.00e+01"), ("f", 2.6, "3"),
  ])
  func writes(_ spec: String, _ value: Double, _ expected: String) throws {
    let format = try #require(HeatmapValueFormat(spec))
    #expect(format.string(value) == expected)
  }

  @Test func refusesOtherSpecs() {
    for spec in ["", "2f", ".x%", ".11f", "d", ".2"] {
      #expect(HeatmapValueFormat(spec) == nil, "\(spec)")
    }
  }
}

@Suite("Heatmap pages: small, exact values inside")
struct HeatmapPageTests {
  @Test("A 100×100 page is under 60 KB and carries every value exactly")
  func pageValues() throws {
    var generator = SplitMix64(seed: 3)
    var csv = "id," + (0..<100).map { "k\($0)" }.joined(separator: ",") + "\n"
    var values: [Double] = []
    for r in 0..<100 {
      let row = (0..<100).map { _ in Double(generator.next() % 10_000) / 100 }
      values += row
      csv += "row\(r)," + row.map { "\($0)" }.joined(separator: ",") + "\n"
    }
    let dir = TemporaryDirectory()
    let data = dir.write(Array(csv.utf8), to: "m.csv")
    let output = dir.file("m.html")
    let report = try Heatmap.make(data: data, output: output, options: HeatmapOptions()).report
    let page = try String(contentsOfFile: output, encoding: .utf8)
    #expect(report.bytes == page.utf8.count)
    #expect(page.utf8.count <= 60_000, "\(page.utf8.count) bytes")
    #expect(!page.contains("http://") && !page.contains("https://"))
    #expect(page.contains("class=\"lumen-heatmap-cells\" data-rows=\"100\" data-cols=\"100\""))
    #expect(page.contains("role=\"tooltip\""))
    // The embedded values, decoded as the browser does, equal the table's.
    #expect(try Self.embeddedValues(page) == values)
  }

  /// The values a page carries, decoded as its script decodes them (base64, raw inflate when
  /// `deflated`, then 3-byte fixed point over 10^decimals, comma-separated text or float32).
  static func embeddedValues(_ page: String) throws -> [Double] {
    func between(_ open: String) throws -> String {
      let start = try #require(page.range(of: open)?.upperBound)
      let end = try #require(page[start...].range(of: "</script>")?.lowerBound)
      return String(page[start..<end])
    }
    let meta = try #require(
      try JSONSerialization.jsonObject(
        with: Data(
          between("<script type=\"application/json\" id=\"lumen-heatmap-data\">").utf8))
        as? [String: Any])
    var bytes = try #require(
      Data(
        base64Encoded: between(
          "<script type=\"application/octet-stream\" id=\"lumen-heatmap-values\">")))
    if meta["deflated"] as? Bool == true {
      let deflated = bytes
      bytes = Data()
      _ = try Data.decompress(
        size: Int64(deflated.count), bufferSize: 1 << 16, skipCRC32: true,
        provider: { position, size in
          deflated.subdata(in: Int(position)..<min(Int(position) + size, deflated.count))
        }, consumer: { bytes.append($0) })
    }
    switch meta["encoding"] as? String {
    case "fixed":
      let scale = pow(10, Double(try #require(meta["decimals"] as? Int)))
      let u = [UInt8](bytes)
      return stride(from: 0, to: u.count, by: 3).map { i in
        let code = Int(u[i]) | Int(u[i + 1]) << 8 | Int(u[i + 2]) << 16
        return code >= (1 << 24) - 2 ? .nan : Double(code - (1 << 23)) / scale
      }
    case "text":
      return String(decoding: bytes, as: UTF8.self).split(
        separator: ",", omittingEmptySubsequences: false
      ).map { Double($0) ?? .nan }
    default:
      return [UInt8](bytes).withUnsafeBytes { raw in
        raw.bindMemory(to: Float.self).map { Double($0) }
      }
    }
  }

  /// Values that are not decimals at one scale (a third, 1e-12 next to 1e6) fall back to text;
  /// a grid of more than 262,144 cells is stored without deflate; missing cells stay missing.
  @Test func encodingsFallBackAndDecodeExactly() throws {
    let cases: [(values: [Double], encoding: String, deflated: Bool)] = [
      ([0.5, -1.25, 3, 123.4567, .nan], "fixed", true),
      ([0.5, 1234.5678], "text", true),  // 12,345,678 does not fit 23 bits
      ([1.0 / 3, 2], "text", true),
      ([1e-12, 1e6], "text", true),
      ([8_388_605, -8_388_605], "fixed", true),
      ([8_388_606, 1], "text", true),
      ((0..<(600 * 600)).map { Double($0 % 1000) / 100 }, "fixed", false),
    ]
    for (values, expectedEncoding, expectedDeflate) in cases {
      let side = Int(Double(values.count).squareRoot())
      let (rows, columns) = side * side == values.count ? (side, side) : (1, values.count)
      let grid = HeatmapGrid(
        rowLabels: (0..<rows).map { "r\($0)" }, columnLabels: (0..<columns).map { "c\($0)" },
        values: values, rowTitle: "r", columnTitle: "c", valueTitle: "v")
      let (encoded, encoding) = try HeatmapPage.encodedValues(grid)
      #expect(encoding.name == expectedEncoding, "\(values.prefix(3))")
      #expect(encoding.deflated == expectedDeflate)
      let page =
        "<script type=\"application/json\" id=\"lumen-heatmap-data\">{\"encoding\":\"\(encoding.name)\",\"decimals\":\(encoding.decimals ?? 0),\"deflated\":\(encoding.deflated)}</script><script type=\"application/octet-stream\" id=\"lumen-heatmap-values\">\(String(decoding: encoded, as: UTF8.self))</script>"
      let decoded = try Self.embeddedValues(page)
      #expect(decoded.count == values.count)
      #expect(zip(decoded, values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }
  }
}

@Suite("Heatmaps: a matrix read straight into numbers")
struct HeatmapMatrixReadingTests {
  @Test("Gives the grid and the page a table read gives, with missing cells and date labels")
  func sameAsTable() throws {
    var generator = SplitMix64(seed: 8)
    var csv = "day," + (0..<40).map { "c\($0)" }.joined(separator: ",") + "\n"
    for r in 0..<30 {
      let row = (0..<40).map { _ -> String in
        let n = generator.next() % 1000
        return n < 50 ? "" : n < 60 ? "NA" : "\(Double(Int(n) - 500) / 8)"
      }
      csv += "2024-03-\(10 + r % 20)," + row.joined(separator: ",") + "\n"
    }
    let dir = TemporaryDirectory()
    let data = dir.write(Array(csv.utf8), to: "m.csv")
    let options = HeatmapOptions()
    let matrix = try #require(try TableReader.readNumberMatrix(path: data))
    let straight = try HeatmapGridBuilder.matrix(matrix, options: options)
    let table = try HeatmapGridBuilder.matrix(TableReader.read(path: data), options: options)
    #expect(straight.rowLabels == table.rowLabels)
    #expect(straight.rowLabels.first == "2024-03-10")
    #expect(straight.columnLabels == table.columnLabels)
    #expect(straight.rowTitle == table.rowTitle)
    #expect(
      zip(straight.values, table.values).allSatisfy {
        $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN)
      })
    #expect(straight.values.contains { $0.isNaN })
    let coloring = try HeatmapColoring(grid: table, options: options)
    #expect(
      try HeatmapPage.html(straight, coloring: coloring, title: nil).html
        == HeatmapPage.html(table, coloring: coloring, title: nil).html)
    // And what make writes is that page.
    let output = dir.file("m.html")
    _ = try Heatmap.make(data: data, output: output, options: options)
    #expect(
      try String(contentsOfFile: output, encoding: .utf8)
        == HeatmapPage.html(table, coloring: coloring, title: nil).html)
  }

  @Test("Fixed point written as base64 directly equals the 3-byte codes in base64")
  func base64Codes() throws {
    var generator = SplitMix64(seed: 9)
    let values = (0..<3000).map { i -> Double in
      i % 97 == 0 ? .nan : Double(Int(generator.next() % 2_000_000) - 1_000_000) / 1000
    }
    var grid = HeatmapGrid(
      rowLabels: (0..<30).map { "r\($0)" }, columnLabels: (0..<100).map { "c\($0)" },
      values: values, rowTitle: "r", columnTitle: "c", valueTitle: "v")
    grid.blankCells = [5, 17, 2999]
    let bytes = try #require(HeatmapPage.fixedPoint(grid))
    let text = try #require(HeatmapPage.fixedPoint(grid, base64: true))
    #expect(bytes.decimals == 3)
    #expect(text.decimals == 3)
    #expect(text.codes == Array(Data(bytes.codes).base64EncodedString().utf8))
  }
}

@Suite("Heatmap pages: labels cannot break out of the page")
struct HeatmapPageSafetyTests {
  @Test func scriptInALabelStaysText() throws {
    let dir = TemporaryDirectory()
    let data = dir.write(
      Array("name,\"a\"\"</script><b>\"\nr</script><i>1,1\nr2,2\n".utf8), to: "m.csv")
    let output = dir.file("m.html")
    _ = try Heatmap.make(data: data, output: output, options: HeatmapOptions())
    let page = try String(contentsOfFile: output, encoding: .utf8)
    #expect(page.components(separatedBy: "</script>").count == 4, "three scripts, no more")
    #expect(page.contains(#""rows":["r\u003c/script>\u003ci>1","r2"]"#))
  }
}

@Suite("Deflate: zlib's raw streams read back by another inflater")
struct DeflateTests {
  static func inflate(_ deflated: [UInt8]) throws -> [UInt8] {
    let data = Data(deflated)
    var out = Data()
    _ = try Data.decompress(
      size: Int64(data.count), bufferSize: 1 << 16, skipCRC32: true,
      provider: { position, size in
        data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
      }, consumer: { out.append($0) })
    return Array(out)
  }

  @Test(arguments: [1, 6, 9] as [Int32])
  func roundTrips(level: Int32) throws {
    var generator = SplitMix64(seed: UInt64(level))
    var text: [UInt8] = []
    for _ in 0..<200_000 { text += Array(String(generator.next() % 1000).utf8) + [44] }
    var noise: [UInt8] = []
    for _ in 0..<50_000 { noise.append(UInt8(truncatingIfNeeded: generator.next())) }
    for input in [[], [42], text, noise] {
      let packed = try Deflate.raw(input, level: level)
      #expect(try Self.inflate(packed) == input)
      if input.count > 1000, input == text { #expect(packed.count < input.count / 2) }
    }
  }

  @Test func refusesALevelZlibDoesNotHave() {
    #expect(throws: DeflateError.self) { try Deflate.raw([1, 2, 3], level: 42) }
  }
}

@Suite("Heatmaps: bad input gets a clear error")
struct HeatmapErrorTests {
  func failure(_ csv: String, _ configure: (inout HeatmapOptions) -> Void) -> String {
    do {
      _ = try HeatmapSVG(csv: csv, configure)
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  @Test func nonNumericMatrixCellNamesRowAndColumn() {
    let message = failure("name,a,b\nr1,1,2\nr2,3,lots\nr3,4,5\n") { _ in }
    #expect(message.contains("\"r2\""), "\(message)")
    #expect(message.contains("column \"b\""), "\(message)")
    #expect(message.contains("\"lots\""), "\(message)")
  }

  @Test func valueColumnMustBeNumeric() {
    let message = failure("time,who\n2024-01-01 10:00,ann\n2024-01-02 11:00,bob\n") {
      $0.x = "hour:time"
      $0.y = "weekday:time"
      $0.value = "who"
    }
    #expect(message.contains("value column \"who\""), "\(message)")
  }

  @Test func allMissing() {
    let message = failure("name,a,b\nr1,,\nr2,,\n") { _ in }
    #expect(message.contains("every cell is missing"), "\(message)")
  }

  @Test func unknownColumnListsTheOthers() {
    let message = failure("time,amount\n2024-01-01 10:00,1\n") {
      $0.x = "hour:tme"
      $0.y = "weekday:time"
    }
    #expect(message.contains("tme") && message.contains("time"), "\(message)")
  }

  @Test("A million rows with a million distinct labels are refused by the side limit")
  func millionLabels() throws {
    var csv = "key,other\n"
    csv.reserveCapacity(16_000_000)
    for i in 0..<1_000_000 { csv += "k\(i),\(i % 3)\n" }
    let started = ContinuousClock.now
    let message = failure(csv) {
      $0.x = "key"
      $0.y = "other"
    }
    #expect(message.contains("more than 2000 distinct values"), "\(message)")
    #expect(ContinuousClock.now - started < .seconds(60))
  }
}

@Suite("Heatmaps: density maps bin points over a basemap")
struct HeatmapDensityTests {
  static let csv = """
    name,latitude,longitude,people
    Chicago,41.88,-87.63,5
    Chicago,41.881,-87.631,7
    Chicago,41.879,-87.629,1
    Seattle,47.61,-122.33,4
    Nowhere,,-100,9
    """

  @Test("Counts and weighted sums per bin; empty bins are not drawn")
  func counts() throws {
    let counts = try HeatmapSVG(csv: Self.csv) {
      $0.lat = "latitude"
      $0.lon = "longitude"
      $0.region = "usa"
    }
    #expect(counts.report.shape == .density)
    #expect(counts.cells.map(\.value).sorted() == ["1", "3"])
    let chicago = try #require(counts.cells.first { $0.value == "3" })
    let seattle = try #require(counts.cells.first { $0.value == "1" })
    #expect(Int(chicago.column)! > Int(seattle.column)! + 40, "Chicago lies far east of Seattle")
    let binning = try #require(counts.report.binning)
    #expect(binning.contains("4 points binned") && binning.contains("1 rows"), "\(binning)")
    let sums = try HeatmapSVG(csv: Self.csv) {
      $0.lat = "latitude"
      $0.lon = "longitude"
      $0.weight = "people"
    }
    #expect(sums.cells.map(\.value).sorted() == ["13", "4"])
    #expect(sums.report.valueTitle == "sum(people)")
  }

  @Test("The page draws the basemap under the canvas and follows the zoom")
  func page() throws {
    let dir = TemporaryDirectory()
    let data = dir.write(Array(Self.csv.utf8), to: "p.csv")
    var options = HeatmapOptions()
    options.lat = "latitude"
    options.lon = "longitude"
    let output = dir.file("p.html")
    _ = try Heatmap.make(data: data, output: output, options: options)
    let page = try String(contentsOfFile: output, encoding: .utf8)
    #expect(page.contains("<svg class=\"basemap\" viewBox=\"0 0 120 75\""))
    #expect(page.contains("data-rows=\"75\" data-cols=\"120\""))
    #expect(!page.contains("https://"))
  }

  @Test func pointsOutsideTheRegionAreAClearError() {
    do {
      _ = try HeatmapSVG(csv: Self.csv) {
        $0.lat = "latitude"
        $0.lon = "longitude"
        $0.region = "0,0,10,10"
      }
      Issue.record("no error")
    } catch {
      #expect("\(error)".contains("none of the 4 points lies inside the region 0,0,10,10"))
    }
  }

  @Test func needsBothCoordinates() {
    var options = HeatmapOptions()
    options.lat = "latitude"
    #expect(throws: HeatmapError.self) { try options.validate() }
  }
}
