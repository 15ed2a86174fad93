import Foundation
import FuzzSupport
import TableAnalysis

/// `lumen analyze` on any bytes: as a table (first byte even: CSV, odd: JSON Lines) analysed
/// in small batches (batch kinds that disagree, late keys, the statistics, the chart rules
/// without drawing), or as a partial state merged (first byte 2 mod 3: the state checks must
/// refuse whatever does not line up). Output goes to a folder that is removed each time.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(fuzzInput: data, size)
  guard let selector = bytes.first else { return 0 }
  let body = UnsafeBufferPointer(rebasing: bytes[1...])
  let output = ScratchFile.folder + "/out"
  defer { try? FileManager.default.removeItem(atPath: output) }
  var options = AnalysisOptions()
  options.maxCharts = 0
  options.batchRows = 7
  options.exactLimit = 1_000
  if selector % 3 == 2 {
    let state = ScratchFile.write(body, name: "input.state")
    if let report = try? TableAnalysis.merge(
      states: [state, state], output: output, options: options)
    {
      precondition(report.statistics.map { $0.rows >= 0 } ?? false)
    }
    return 0
  }
  let path = ScratchFile.write(body, name: selector % 2 == 0 ? "t.csv" : "t.jsonl")
  if let report = try? TableAnalysis.analyze(data: path, output: output, options: options),
    let stats = report.statistics
  {
    for column in stats.columns {
      precondition(column.count + column.missing == stats.rows)
      precondition(column.distinct <= max(column.count, 0))
    }
  }
  return 0
}

LibFuzzer.run(fuzz)
