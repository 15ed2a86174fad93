import Foundation
import LumenCore
import TestSupport
import Testing

@testable import TableAnalysis

/// Runs an analysis of `csv` in a fresh folder and returns the statistics and the folder.
func analyse(
  _ csv: String, name: String = "data.csv", configure: (inout AnalysisOptions) -> Void = { _ in }
) throws -> (TableStatistics, TemporaryDirectory) {
  let folder = TemporaryDirectory()
  let data = folder.write(Array(csv.utf8), to: name)
  var options = AnalysisOptions()
  configure(&options)
  let report = try TableAnalysis.analyze(data: data, output: folder.file("out"), options: options)
  return (try #require(report.statistics), folder)
}

extension TableStatistics {
  func column(_ name: String) -> ColumnStatistics? { columns.first { $0.name == name } }
}

/// NumPy's linear-interpolation quantile of sorted values (an independent implementation).
func referenceQuantile(_ sorted: [Double], _ q: Double) -> Double {
  let h = Double(sorted.count - 1) * q
  let low = Int(h.rounded(.down))
  let high = Swift.min(low + 1, sorted.count - 1)
  return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
}

func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= tolerance * Swift.max(1, abs(b))
}
