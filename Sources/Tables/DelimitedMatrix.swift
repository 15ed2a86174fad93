internal import Foundation
internal import LumenCore

/// Delimited text whose cells after the first column are all plain numbers or missing, read
/// straight into one row-major array of doubles: no bytes kept per column, no column typed
/// twice. Anything the general reader would treat differently (a unit or a thousands
/// separator in a cell, a short row, a repeated or identifier-like column name, bytes that
/// are not UTF-8, a limit reached) gives `nil`, and the caller reads the table the general way
/// — which then gives the same result, or the error or warning in its words.
enum DelimitedMatrix {
  static func read(path: String, head: Data, maxRows: Int, maxColumns: Int) throws(TableError)
    -> NumberMatrix?
  {
    var tokenizer = try DelimitedTokenizer(
      path: path, delimiter: DelimitedTokenizer.delimiter(sniffing: head))
    guard let (names, headerReplaced) = try tokenizer.nextHeader() else { return nil }
    let header = names.map(\.trimmingSpaces)
    var replaced = false
    guard !headerReplaced, header.count >= 2, header.count <= maxColumns,
      header.allSatisfy({ !$0.isEmpty }), Set(header).count == header.count,
      !header.dropFirst().contains(where: ColumnInference.looksLikeIdentifier)
    else { return nil }
    let width = header.count - 1
    var values: [Double] = []
    // Room for the rows the file likely holds (from the lines in its first 64 KB), so the
    // array is not copied as it grows: pages never written cost nothing. At most 16 M cells
    // (128 MB of address space) are reserved; a larger matrix grows as it is read.
    let newlines = head.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    if newlines > 1,
      let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    {
      let rows = min(maxRows, size / max(1, head.count / newlines) * 5 / 4 + 16)
      values.reserveCapacity(min(rows, (1 << 24) / width) * width)
    }
    var row = [Double](repeating: .nan, count: width)
    var labels = RawRows(width: 1)
    var label: [UInt8] = []
    var fieldCount = 0
    var plain = true
    var rows = 0
    func add(_ label: [UInt8]) {
      values.append(contentsOf: row)
      labels.beginRow()
      label.withUnsafeBufferPointer { labels.setField(0, $0) }
      labels.endRow()
      rows += 1
    }
    records: while plain {
      // Most records: one pass over their bytes.
      let plainRecord = try row.withUnsafeMutableBufferPointer { (cells) throws(TableError) in
        try tokenizer.nextPlainRecord(width: width, row: cells.baseAddress!, label: &label)
      }
      switch plainRecord {
      case .end: break records
      case .read:
        guard rows < maxRows, labels.bytes.count + label.count < RawRows.maxBytes else {
          return nil
        }
        if rows & 0xFFFF == 0xFFFF, Task.isCancelled { throw .cancelled }
        add(label)
        continue records
      case .other: break
      }
      // The rest (quoted fields, spaces, missing markers, exponents …) field by field.
      guard
        try tokenizer.nextRecord(
          begin: {
            for c in 0..<width { row[c] = .nan }
            label.removeAll(keepingCapacity: true)
            fieldCount = 0
          },
          field: { index, bytes in
            fieldCount = index + 1
            if index == 0 {
              label.append(contentsOf: bytes)
              return
            }
            guard index <= width, plain,
              let span = ColumnInference.presentSpan(bytes, 0, bytes.count)
            else { return }
            guard let (value, _) = PlainNumber.read(bytes[span]) else {
              plain = false
              return
            }
            row[index - 1] = value
          })
      else { break }
      if fieldCount == 0 { continue }
      guard plain, fieldCount >= header.count, rows < maxRows,
        labels.bytes.count + label.count < RawRows.maxBytes
      else { return nil }
      if rows & 0xFFFF == 0xFFFF, Task.isCancelled { throw .cancelled }
      add(label)
    }
    guard plain, rows > 0 else { return nil }
    let column = ColumnInference.column(
      named: header[0], rows: labels, column: 0, replaced: &replaced, numericIDs: false)
    guard !replaced else { return nil }
    return NumberMatrix(
      source: path, labels: column, columnNames: Array(header.dropFirst()), values: values,
      rowCount: rows)
  }
}
