internal import Foundation
internal import LumenCore

/// Delimited text read with ``DelimitedTokenizer``: the separator sniffed from the first
/// 64 KB (`,` `;` tab `|`), quoted fields, CRLF, a UTF-8 BOM; blank lines skipped; only the
/// wanted columns' fields become strings.
enum DelimitedRows {
  static func read(_ source: TableSource, head: Data, into collector: inout ColumnCollector)
    throws(TableError)
  {
    let path = source.name
    let delimiter = DelimitedTokenizer.delimiter(sniffing: head)
    var tokenizer: DelimitedTokenizer
    switch source {
    case .file(let file): tokenizer = try DelimitedTokenizer(path: file, delimiter: delimiter)
    case .memory(let bytes, _): tokenizer = DelimitedTokenizer(bytes: bytes, delimiter: delimiter)
    }
    guard let (names, replaced) = try tokenizer.nextHeader() else {
      throw .empty("\(path) is empty: expected a header row, then one row per record")
    }
    var header = names
    if header.allSatisfy({ $0.trimmingSpaces.isEmpty }) {
      throw .empty("\(path) has no header row: expected column names on the first line")
    }
    for index in header.indices where header[index].trimmingSpaces.isEmpty {
      header[index] = TableReader.unnamed(index)
    }
    try collector.setHeader(header)
    let positions = collector.positionsByHeaderIndex
    let whole = collector.keepsEveryColumn
    collector.sourceBytes.total = tokenizer.totalBytes
    var fieldCount = 0
    var short = 0
    var spans: [Int32] = []
    records: while true {
      // Most records: one pass, their bytes copied at once.
      let simple = try tokenizer.nextSimpleRecord(spans: &spans) {
        (record, fieldSpans, fields) throws(TableError) in
        if fields < header.count { short += 1 }
        try collector.addRawRecord(record, spans: fieldSpans, fieldCount: fields, whole: whole)
      }
      collector.sourceBytes.read = tokenizer.consumedBytes
      switch simple {
      case .read: continue records
      case .end: break records
      case .other: break
      }
      // The rest (doubled quotes, blank lines, the last record without a line end) field by
      // field. Blank lines are skipped: the collector only ends a row that had fields.
      guard
        try tokenizer.nextRecord(
          begin: {
            collector.beginRawRow()
            fieldCount = 0
          },
          field: { (index, bytes) throws(TableError) in
            fieldCount = index + 1
            if index < positions.count, positions[index] >= 0 {
              try collector.appendRaw(positions[index], bytes)
            }
          })
      else { break }
      if fieldCount == 0 { continue }
      if fieldCount < header.count { short += 1 }
      try collector.endRawRow()
    }
    if replaced {
      collector.warnings.append(
        "\(path) is not valid UTF-8; undecodable bytes were replaced with U+FFFD (save it as UTF-8)"
      )
    }
    if short > 0 {
      collector.warnings.append(
        "\(short) row(s) of \(path) had fewer fields than the header; the missing fields were read as empty"
      )
    }
  }
}
