import Foundation
import LumenCore
import Tables
import TestSupport
import Testing

@testable import TableAnalysis

@Suite("TableAnalysis: kinds, warnings and the charts chosen")
struct KindAndWarningTests {
  /// A table with one column per kind rule, 40 rows.
  static let kinds: String = {
    var csv = "order_id,when,stamp,region,amount,price,paid,comment,code\n"
    let regions = ["north", "south", "east", "west"]
    for i in 0..<40 {
      let day = 1 + i % 28
      let comment = "note number \(i) about the order"
      csv +=
        "\(5000 + i),2024-02-\(day < 10 ? "0" : "")\(day),2024-02-01 \(10 + i % 12):30,\(regions[i % 4]),\(i * 3 % 17),\(Double(i) * 1.25),\(i % 3 == 0 ? "true" : "false"),\(comment),A\(i % 7)\n"
    }
    return csv
  }()

  @Test("Each kind rule: identifier, date, datetime, category, integer, float, boolean, text")
  func kinds() throws {
    let (stats, _) = try analyse(Self.kinds) { $0.maxCharts = 0 }
    let expected: [String: ColumnKind] = [
      "order_id": .identifier, "when": .date, "stamp": .datetime, "region": .category,
      "amount": .integer, "price": .float, "paid": .boolean, "comment": .text, "code": .category,
    ]
    for (name, kind) in expected {
      let column = try #require(stats.column(name))
      #expect(column.kind == kind, "\(name): \(column.kind) (\(column.kindReason))")
      #expect(!column.kindReason.isEmpty)
    }
    #expect(stats.column("paid")?.top == "false")
    #expect(stats.column("paid")?.freq == 26)
    #expect(stats.column("region")?.topValues?.count == 4)
    #expect(stats.column("when")?.granularity == "1 day")
  }

  /// A column rising from the first row (an id, a time) means no row can repeat an earlier one,
  /// until it stops rising: rows after that repeating rows of earlier batches are still counted,
  /// as a set of the rows' texts counts them.
  @Test(
    "Duplicated rows across batches, with and without a rising column",
    arguments: ["id", "time", "none"])
  func duplicatesAcrossBatches(rising: String) throws {
    var rows: [String] = []
    for i in 0..<40 {
      let first =
        switch rising {
        case "id": "\(1000 + i)"
        case "time":
          "2024-01-\(String(format: "%02d", 1 + i / 2)) \(String(format: "%02d", i % 2 * 12)):00:00"
        default: "\(i % 7)"
        }
      rows.append("\(first),\(i % 4),w\(i % 3)")
    }
    for i in [5, 6, 7, 20, 33, 5, 39] { rows.append(rows[i]) }  // later batches repeat earlier rows
    var seen = Set<String>()
    let expected = rows.filter { !seen.insert($0).inserted }.count
    let csv = "k,v,w\n" + rows.joined(separator: "\n") + "\n"
    let (stats, _) = try analyse(csv) {
      $0.maxCharts = 0
      $0.batchRows = 8
    }
    #expect(stats.duplicateRows == expected && stats.duplicateRowsChecked == rows.count)
  }

  /// A row's hash folds its cells by rotation: values swapped between two columns, even
  /// columns 64 apart (a whole turn of the rotation), still make different rows.
  @Test("Rows whose values are swapped between columns are not duplicates")
  func swappedValuesAreNotDuplicates() throws {
    let header = (0..<70).map { "c\($0)" }.joined(separator: ",")
    var first = (0..<70).map { "\($0 * 3)" }
    var rows = [first.joined(separator: ",")]
    for (a, b) in [(0, 1), (0, 64), (3, 67), (5, 69)] {
      var swapped = first
      swapped.swapAt(a, b)
      rows.append(swapped.joined(separator: ","))
    }
    first[10] = "x"
    rows.append(first.joined(separator: ","))
    rows.append(rows[0])  // one true repeat
    let (stats, _) = try analyse(header + "\n" + rows.joined(separator: "\n") + "\n") {
      $0.maxCharts = 0
    }
    #expect(stats.duplicateRows == 1)
  }

  @Test("Every warning: constant, near-unique, mixed types, missing, duplicates, ids")
  func warnings() throws {
    var csv = "id,seq,same,label,mixed,sparse,v\n"
    for i in 0..<30 {
      let mixed = i == 17 ? "n/a?" : "\(i * 2)"
      let sparse = i % 3 == 0 ? "\(i)" : ""
      csv += "\(i % 25),\(i + 1),x,label \(i) here,\(mixed),\(sparse),\(i % 5)\n"
    }
    let (stats, _) = try analyse(csv) { $0.maxCharts = 0 }
    let (repeated, _) = try analyse("a,b\n1,x\n2,y\n1,x\n3,z\n1,x\n") { $0.maxCharts = 0 }
    #expect(repeated.duplicateRows == 2)
    #expect(repeated.warnings.contains { $0.kind == .duplicateRows })
    func warning(_ kind: AnalysisWarning.Kind, _ column: String?) -> AnalysisWarning? {
      stats.warnings.first { $0.kind == kind && $0.column == column }
    }
    #expect(warning(.constant, "same") != nil)
    #expect(warning(.nearUnique, "label") != nil)
    let mixed = try #require(warning(.mixedTypes, "mixed"))
    #expect(mixed.message.contains("\"n/a?\"") && mixed.message.contains("row 18"))
    #expect(warning(.missing, "sparse") != nil)
    #expect(warning(.duplicateRows, nil) == nil)
    #expect(warning(.suspiciousID, "id") != nil)
    let seq = try #require(warning(.suspiciousID, "seq"))
    #expect(seq.message.contains("row number"))
    // The row number is left out of the correlations.
    #expect(stats.correlations?.columns.contains("seq") != true)
  }

  @Test("Charts by rule: line over time, scatter, correlation heatmap, bars, histograms")
  func chartRules() throws {
    var random = SplitMix64(seed: 3)
    var csv = "day,group,x,y,z\n"
    for i in 0..<400 {
      let days = CivilDate.days(year: 2023, month: 1, day: 1) + i
      let (yy, mm, dd) = CivilDate.date(days: days)
      let group = ["a", "b", "c"][i % 3]
      let x = Double(random.next() % 1000) / 10
      let noise = Double(random.next() % 100) / 10
      let shift: Double = group == "a" ? 50 : 0
      let y = x * 2 + noise + shift
      let z = Double(random.next() % 500)
      csv += "\(yy)-\(mm < 10 ? "0" : "")\(mm)-\(dd < 10 ? "0" : "")\(dd),\(group),\(x),\(y),\(z)\n"
    }
    let (stats, folder) = try analyse(csv)
    let kinds = stats.charts.map(\.kind)
    #expect(kinds.first == "line")
    #expect(kinds.contains("scatter"))
    #expect(kinds.contains("heatmap"))
    #expect(kinds.contains("histogram"))
    #expect(stats.charts.contains { $0.kind == "bar" && $0.columns == ["group", "y"] })
    #expect(stats.charts.contains { $0.kind == "bar" && $0.columns == ["group"] })
    let scatter = try #require(stats.charts.first { $0.kind == "scatter" })
    #expect(Set(scatter.columns) == ["x", "y"])
    for chart in stats.charts {
      #expect(!chart.why.isEmpty)
      let png = try Data(contentsOf: URL(fileURLWithPath: folder.file("out/" + chart.png)))
      #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
      let svg = try String(contentsOfFile: folder.file("out/" + chart.svg), encoding: .utf8)
      #expect(svg.contains("role=\"graphics-symbol\""))
    }
    let (capped, _) = try analyse(csv) { $0.maxCharts = 2 }
    #expect(capped.charts.count == 2)
    #expect(capped.charts.map(\.kind) == Array(kinds.prefix(2)))
  }

  @Test("The report holds summaries, not rows")
  func reportHasNoRows() throws {
    var csv = "secret,amount\n"
    for i in 0..<500 { csv += "zq-secret-\(i)-value,\(i % 37)\n" }
    let (_, folder) = try analyse(csv)
    let page = try String(contentsOfFile: folder.file("out/report.html"), encoding: .utf8)
    let leaked = (0..<500).filter { page.contains("zq-secret-\($0)-value") }
    // Only the top-value list (10 values) may name values.
    #expect(leaked.count <= 10)
    #expect(!page.contains("http://") && !page.contains("https://"), "no URL, not even a namespace")
  }

  @Test("A number with few values: every value's rows listed, and a bar chart, not a histogram")
  func fewNumbers() throws {
    var csv = "stars,score\n"
    var counts: [Int: Int] = [:]
    for i in 0..<300 {
      let stars = 1 + (i * i) % 5
      counts[stars, default: 0] += 1
      csv += "\(stars),\(Double(i) * 0.37)\n"
    }
    let (stats, _) = try analyse(csv)
    let stars = try #require(stats.column("stars"))
    let listed = Dictionary(
      uniqueKeysWithValues: (stars.topValues ?? []).map { (Int($0.value)!, $0.count) })
    #expect(listed == counts)
    #expect(stats.charts.contains { $0.kind == "bar" && $0.columns == ["stars"] })
    #expect(!stats.charts.contains { $0.kind == "histogram" && $0.columns == ["stars"] })
    #expect(stats.charts.contains { $0.kind == "histogram" && $0.columns == ["score"] })
  }
}
