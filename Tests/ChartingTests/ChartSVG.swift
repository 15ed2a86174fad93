import Charting
import Foundation
import TestSupport

/// A chart made in a temporary folder and its SVG read back: the data marks' labels and the
/// texts, so tests compare what a reader of the file sees.
struct ChartSVG {
  let text: String
  let report: ChartReport

  init(_ data: String, _ configure: (inout ChartOptions) -> Void) throws {
    var options = ChartOptions()
    configure(&options)
    let dir = TemporaryDirectory()
    let output = dir.file("chart.svg")
    report = try Chart.make(data: data, output: output, options: options)
    text = try String(contentsOfFile: output, encoding: .utf8)
  }

  /// The `aria-label` of every element with `role="graphics-symbol"`, in file order.
  var markLabels: [String] {
    text.split(separator: "\n").compactMap { line -> String? in
      guard line.contains("role=\"graphics-symbol\""),
        let start = line.range(of: "aria-label=\"")?.upperBound,
        let end = line[start...].firstIndex(of: "\"")
      else { return nil }
      return String(line[start..<end]).replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&amp;", with: "&")
    }
  }

  /// A label's fields by name.
  static func fields(_ label: String) -> [String: String] {
    var fields: [String: String] = [:]
    for part in label.components(separatedBy: "; ") {
      guard let colon = part.range(of: ": ", options: .backwards) else { continue }
      fields[String(part[..<colon.lowerBound])] = String(part[colon.upperBound...])
    }
    return fields
  }

  /// The texts of `<text>` elements.
  var texts: [String] {
    text.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("<text"), let start = line.firstIndex(of: ">"),
        let end = line.range(of: "</text>")?.lowerBound
      else { return nil }
      return String(line[line.index(after: start)..<end])
    }
  }
}

/// The tips fixture's rows, parsed by hand (no quotes in it) for independent expectations.
enum TipsRows {
  static let rows: [[String]] = {
    let text = try! String(contentsOfFile: Fixtures.path("tables/tips.csv"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
  }()

  /// Column index by name.
  static let columns = ["total_bill", "tip", "sex", "smoker", "day", "time", "size"]

  static func values(_ name: String) -> [Double] {
    let i = columns.firstIndex(of: name)!
    return rows.map { Double($0[i])! }
  }

  static func words(_ name: String) -> [String] {
    let i = columns.firstIndex(of: name)!
    return rows.map { $0[i] }
  }
}
