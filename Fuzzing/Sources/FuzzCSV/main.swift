import Foundation
import FuzzSupport
import MapRendering

/// The point table reader: UTF-8 repair, delimiter sniffing, CSV parsing, column detection
/// and coordinate checks.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Data(buffer: UnsafeBufferPointer(fuzzInput: data, size))
  if let table = try? PointTable.parse(bytes, maxPoints: 10_000) {
    precondition(table.points.count + table.skippedCount <= table.rowsRead)
  }
  return 0
}

LibFuzzer.run(fuzz)
