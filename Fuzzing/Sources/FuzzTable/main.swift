import FuzzSupport
import Tables

/// The table reader on any bytes: the delimited tokenizer (quotes, line ends, buffer edges),
/// JSON Lines and arrays, the xlsx reader (ZIP, XML scanner, shared strings, styles) and the
/// column inference; and the matrix reader against it. The first byte picks the file name's
/// extension.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(fuzzInput: data, size)
  guard let selector = bytes.first else { return 0 }
  let names = ["t.csv", "t.tsv", "t.jsonl", "t.json", "t.xlsx"]
  let path = ScratchFile.write(
    UnsafeBufferPointer(rebasing: bytes[1...]), name: names[Int(selector) % names.count])
  var limits = TableReader.Limits()
  limits.maxRows = 100_000
  limits.maxWorkbookPartBytes = 8 << 20
  let table = try? TableReader.read(path: path, limits: limits)
  if let table {
    for column in table.columns {
      precondition(column.values.count == table.rowCount)
      precondition(column.missingCount <= table.rowCount)
    }
  }
  // A matrix read straight into numbers is what the general reader reads.
  if let matrix = try? TableReader.readNumberMatrix(path: path, limits: limits) {
    guard let table else { preconditionFailure("the matrix reader read what the reader refused") }
    precondition(matrix.rowCount == table.rowCount && matrix.labels == table.columns[0])
    precondition(matrix.columnNames == table.columns.dropFirst().map(\.name))
    let width = matrix.columnNames.count
    for (c, column) in table.columns.dropFirst().enumerated() {
      for r in 0..<table.rowCount {
        let v = matrix.values[r * width + c]
        switch column.values {
        case .numbers(let numbers):
          precondition(column.kind.isNumeric)
          precondition(numbers[r].map(\.bitPattern) == (v.isNaN ? nil : v.bitPattern))
        default:
          precondition(column.missingCount == table.rowCount && v.isNaN)
        }
      }
    }
  }
  return 0
}

LibFuzzer.run(fuzz)
