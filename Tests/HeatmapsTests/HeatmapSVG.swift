import Foundation
import Heatmaps
import TestSupport

/// A heatmap written as SVG in a temporary folder and read back: each cell's row, column and
/// value from its `aria-label`, in drawing order (rows top to bottom, columns left to right).
struct HeatmapSVG {
  struct Cell: Equatable {
    var row: String
    var column: String
    var value: String
  }

  let report: HeatmapReport
  let cells: [Cell]

  init(csv: String, _ configure: (inout HeatmapOptions) -> Void) throws {
    let dir = TemporaryDirectory()
    let data = dir.write(Array(csv.utf8), to: "data.csv")
    var options = HeatmapOptions()
    configure(&options)
    let output = dir.file("h.svg")
    report = try Heatmap.make(data: data, output: output, options: options).report
    let text = try String(contentsOfFile: output, encoding: .utf8)
    cells = text.split(separator: "\n").compactMap { line -> Cell? in
      guard line.contains("role=\"graphics-symbol\""),
        let start = line.range(of: "aria-label=\"")?.upperBound,
        let end = line[start...].firstIndex(of: "\"")
      else { return nil }
      let parts = line[start..<end].components(separatedBy: "; ").map {
        String($0[$0.range(of: ": ")!.upperBound...])
      }
      return Cell(row: parts[0], column: parts[1], value: parts[2])
    }
  }

  /// The value at a row and column label (`nil`: no such cell; `.nan`: "no data").
  func value(row: String, column: String) -> Double? {
    cells.first { $0.row == row && $0.column == column }.map { Double($0.value) ?? .nan }
  }

  /// The row labels in drawing order.
  var rows: [String] {
    var seen: [String] = []
    for cell in cells where seen.last != cell.row { seen.append(cell.row) }
    return seen
  }
}
