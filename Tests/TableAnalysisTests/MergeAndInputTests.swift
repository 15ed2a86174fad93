import Foundation
import LumenCore
import Tables
import TestSupport
import Testing

@testable import TableAnalysis

@Suite("TableAnalysis: shards merge into the single-pass result; bad input is refused")
struct MergeAndInputTests {
  static func table(rows: Range<Int>, header: Bool) -> String {
    var random = SplitMix64(seed: 21)
    var csv = header ? "when,team,score,ratio,flag\n" : ""
    for i in 0..<rows.upperBound {
      let score = Int(random.next() % 1000)
      let ratio = Double(random.next() % 10_000) / 7
      guard rows.contains(i) else { continue }
      let days = CivilDate.days(year: 2022, month: 3, day: 1) + i / 3
      let (y, m, d) = CivilDate.date(days: days)
      csv +=
        "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d),\(["red", "blue", "green"][i % 3]),\(i % 11 == 0 ? "" : String(score)),\(ratio),\(i % 2 == 0)\n"
    }
    return csv
  }

  @Test("Three shards merged equal one pass: exactly where exact, floats to 1e-12")
  func mergeEqualsSinglePass() throws {
    let folder = TemporaryDirectory()
    let whole = folder.write(Array(Self.table(rows: 0..<3000, header: true).utf8), to: "all.csv")
    var options = AnalysisOptions()
    options.maxCharts = 3
    let single = try #require(
      try TableAnalysis.analyze(data: whole, output: folder.file("one"), options: options)
        .statistics)
    var states: [String] = []
    for (i, range) in [0..<1000, 1000..<2200, 2200..<3000].enumerated() {
      let shard = folder.write(
        Array(Self.table(rows: range, header: true).utf8), to: "part\(i).csv")
      let state = folder.file("part\(i).state")
      _ = try TableAnalysis.writePartial(data: shard, output: state, options: options)
      states.append(state)
    }
    let merged = try #require(
      try TableAnalysis.merge(states: states, output: folder.file("merged"), options: options)
        .statistics)
    #expect(merged.rows == single.rows)
    for (a, b) in zip(single.columns, merged.columns) {
      #expect(a.name == b.name && a.kind == b.kind)
      #expect(a.count == b.count && a.missing == b.missing && a.distinct == b.distinct)
      #expect(a.min == b.min && a.max == b.max)
      #expect(a.p25 == b.p25 && a.p50 == b.p50 && a.p75 == b.p75, "\(a.name) quantiles")
      #expect(a.topValues == b.topValues && a.outliers == b.outliers)
      if let m = a.mean?.number { #expect(close(b.mean?.number, m, tolerance: 1e-12)) }
      if let s = a.std { #expect(close(b.std, s, tolerance: 1e-12)) }
      if let k = a.skew { #expect(close(b.skew, k, tolerance: 1e-9)) }
    }
    #expect(single.duplicateRows == merged.duplicateRows)
    let p1 = try #require(single.correlations?.pearson)
    let p2 = try #require(merged.correlations?.pearson)
    for i in p1.indices {
      for j in p1.indices { #expect(close(p2[i][j], p1[i][j] ?? .nan, tolerance: 1e-12)) }
    }
    #expect(single.charts.map(\.id) == merged.charts.map(\.id))
  }

  @Test("A merge refuses a file that is not a partial state")
  func mergeRefusesOtherFiles() throws {
    let folder = TemporaryDirectory()
    let bogus = folder.write(Array("{\"a\": 1}".utf8), to: "x.state")
    #expect {
      _ = try TableAnalysis.merge(states: [bogus], output: folder.file("out"))
    } throws: { error in
      (error as? AnalysisError)?.description.contains("not a partial state") == true
    }
    #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
  }

  @Test(
    "Bad tables get their reason and leave no folder",
    arguments: [
      ("", "empty"), ("a,b,c\n", "no data rows"), ("\u{0}\u{1}\u{2}binary\u{0}", "not a table"),
    ])
  func badTables(_ content: String, _ phrase: String) throws {
    let folder = TemporaryDirectory()
    let data = folder.write(Array(content.utf8), to: "bad.csv")
    #expect {
      _ = try TableAnalysis.analyze(data: data, output: folder.file("out"))
    } throws: { error in
      "\(error)".contains(phrase)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
  }

  @Test("One column, all missing, non-UTF-8 bytes: analysed with warnings")
  func oddButValid() throws {
    let (one, _) = try analyse("only\n1\n2\n3\n")
    #expect(one.columnCount == 1 && one.column("only")?.kind == .integer)
    let (empty, _) = try analyse("a,b\n1,\n2,\n3,NA\n")
    #expect(empty.column("b")?.count == 0)
    #expect(empty.warnings.contains { $0.kind == .missing && $0.column == "b" })
    let folder = TemporaryDirectory()
    let data = folder.write(
      Array("name,v\ncaf".utf8) + [0xE9] + Array(",1\nx,2\n".utf8), to: "l1.csv")
    let report = try TableAnalysis.analyze(data: data, output: folder.file("out"))
    #expect(report.statistics?.warnings.contains { $0.message.contains("UTF-8") } == true)
  }

  @Test("A header wider than the column limit is refused before its rows are read")
  func wideHeader() throws {
    let folder = TemporaryDirectory()
    var line = (0..<1_000_000).map { "c\($0)" }.joined(separator: ",")
    line += "\n" + String(repeating: "1,", count: 10) + "1\n"
    let data = folder.write(Array(line.utf8), to: "wide.csv")
    #expect {
      _ = try TableAnalysis.analyze(data: data, output: folder.file("out"))
    } throws: { error in
      (error as? TableError)?.category == .limitExceeded && "\(error)".contains("1000000 columns")
    }
  }

  @Test("The output folder: an earlier analysis is kept unless replacing; a file is refused")
  func outputSafety() throws {
    let folder = TemporaryDirectory()
    let data = folder.write(Array("a,b\n1,2\n3,4\n5,7\n".utf8), to: "t.csv")
    let out = folder.file("out")
    _ = try TableAnalysis.analyze(data: data, output: out)
    let before = try Data(contentsOf: URL(fileURLWithPath: out + "/stats.json"))
    #expect {
      _ = try TableAnalysis.analyze(data: data, output: out)
    } throws: { error in
      "\(error)".contains("earlier analysis")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/stats.json")) == before)
    _ = try TableAnalysis.analyze(data: data, output: out, overwrite: true)
    #expect {
      _ = try TableAnalysis.analyze(data: data, output: data)
    } throws: { error in
      "\(error)".contains("is a file")
    }
    // The input inside the folder, named like an output: refused, untouched.
    let inside = out + "/stats.json"
    let original = try Data(contentsOf: URL(fileURLWithPath: inside))
    #expect(throws: (any Error).self) {
      _ = try TableAnalysis.analyze(data: inside, output: out, overwrite: true)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: inside)) == original)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter {
      $0.hasPrefix(".")
    }
    #expect(leftovers.isEmpty)
  }

  @Test("JSON Lines whose keys appear in a later batch: the new column is missing before")
  func lateKeys() throws {
    let folder = TemporaryDirectory()
    var lines: [String] = []
    for i in 0..<50 { lines.append(i < 30 ? "{\"a\": \(i)}" : "{\"a\": \(i), \"b\": \(i * 2)}") }
    let data = folder.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: "t.jsonl")
    var options = AnalysisOptions()
    options.batchRows = 8
    options.maxCharts = 0
    let stats = try #require(
      try TableAnalysis.analyze(data: data, output: folder.file("out"), options: options)
        .statistics)
    #expect(stats.rows == 50)
    let b = try #require(stats.column("b"))
    #expect(b.count == 20 && b.missing == 30)
    #expect(close(b.mean?.number, Double((30..<50).map { $0 * 2 }.reduce(0, +)) / 20))
  }

  @Test("A damaged partial state is refused in words, never trusted")
  func damagedStates() throws {
    let folder = TemporaryDirectory()
    let data = folder.write(Array(Self.table(rows: 0..<200, header: true).utf8), to: "t.csv")
    let state = folder.file("t.state")
    _ = try TableAnalysis.writePartial(data: data, output: state)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: state))
    var root = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    var profile = try #require(root["profile"] as? [String: Any])
    var sample = try #require(profile["sample"] as? [String: Any])
    var rows = try #require(sample["rows"] as? [[Any]])
    rows.append([1.0])  // a row narrower than the columns it samples
    sample["rows"] = rows
    profile["sample"] = sample
    root["profile"] = profile
    let narrow = folder.write(
      Array(try JSONSerialization.data(withJSONObject: root)), to: "narrow.state")
    let cut = folder.write(Array(bytes.prefix(bytes.count / 2)), to: "cut.state")
    for path in [narrow, cut] {
      #expect {
        _ = try TableAnalysis.merge(states: [state, path], output: folder.file("out"))
      } throws: { error in
        "\(error)".contains("damaged partial state")
      }
    }
    #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    // A state of an earlier version (ids were tallied then, so a merge would count them
    // twice) is refused by its version.
    root = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    root["version"] = 2
    let old = folder.write(
      Array(try JSONSerialization.data(withJSONObject: root)), to: "old.state")
    #expect {
      _ = try TableAnalysis.merge(states: [state, old], output: folder.file("out"))
    } throws: { error in
      "\(error)".contains("version 2; this lumen reads version 4")
    }
  }

  @Test("Numbers at the ends of the double range: binned without a crash (FuzzAnalysis found it)")
  func extremeNumbers() throws {
    let (constant, _) = try analyse("x\n" + String(repeating: "5", count: 100) + "\n")
    let bins = try #require(constant.column("x")?.histogram)
    #expect(bins.counts.reduce(0, +) == 1 && bins.edges.allSatisfy(\.isFinite))
    let (wide, _) = try analyse("x\n-1e308\n1.7e308\n3\n")
    let all = try #require(wide.column("x")?.histogram)
    #expect(all.counts.reduce(0, +) == 3)
  }
}
