import FuzzSupport
import Tables

/// The table reader on any bytes: the delimited tokenizer (quotes, line ends, buffer edges),
/// JSON Lines and arrays, the xlsx reader (ZIP, XML scanner, shared strings, styles) and the
/// column inference. The first byte picks the file name's extension.
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
  if let table = try? TableReader.read(path: path, limits: limits) {
    for column in table.columns {
      precondition(column.values.count == table.rowCount)
      precondition(column.missingCount <= table.rowCount)
    }
  }
  return 0
}

LibFuzzer.run(fuzz)
