/// Delimited rows' kept fields as bytes back to back, with each field's start and end: no
/// string or enum per cell until a column's kind is known (numbers never become strings).
struct RawRows {
  /// The most bytes the rows may hold (offsets are 32-bit).
  static let maxBytes = Int(Int32.max)

  /// Fields per row.
  let width: Int
  private(set) var bytes: [UInt8] = []
  /// Per row, per column: the field's start and end in ``bytes`` (equal for an empty field).
  private(set) var spans: [Int32] = []
  /// Complete rows.
  private(set) var count = 0
  /// `bytes.count` after the last complete row (a row begun again drops what came after).
  private var committed = 0

  init(width: Int) { self.width = width }

  /// Starts a row whose fields are empty until set; a row begun again (a record read again
  /// after a buffer refill) drops what the unfinished one added.
  mutating func beginRow() {
    if bytes.count != committed { bytes.removeSubrange(committed...) }
    let rowSpans = count * 2 * width
    if spans.count != rowSpans { spans.removeSubrange(rowSpans...) }
    spans.append(contentsOf: repeatElement(0, count: 2 * width))
  }

  /// Sets the begun row's field at `column`.
  mutating func setField(_ column: Int, _ field: UnsafeBufferPointer<UInt8>) {
    let slot = count * 2 * width + 2 * column
    spans[slot] = Int32(truncatingIfNeeded: bytes.count)
    bytes.append(contentsOf: field)
    spans[slot + 1] = Int32(truncatingIfNeeded: bytes.count)
  }

  /// Ends the begun row.
  mutating func endRow() {
    count += 1
    committed = bytes.count
  }

  /// Adds a whole record: `fieldSpans` holds each of its `fieldCount` fields' start and end
  /// relative to `record`; `columns` gives each column's field index (`-1`, or past the
  /// fields: empty). With `whole`, the record's bytes are copied at once (every field is
  /// kept), else the kept fields one by one.
  mutating func appendRecord(
    _ record: UnsafeBufferPointer<UInt8>, fieldSpans: UnsafeBufferPointer<Int32>,
    fieldCount: Int, columns: [Int], whole: Bool
  ) {
    beginRow()
    if whole {
      let base = Int32(truncatingIfNeeded: bytes.count)
      bytes.append(contentsOf: record)
      spans.withUnsafeMutableBufferPointer { spans in
        let row = count * 2 * width
        for (column, field) in columns.enumerated() where field >= 0 && field < fieldCount {
          spans[row + 2 * column] = base + fieldSpans[2 * field]
          spans[row + 2 * column + 1] = base + fieldSpans[2 * field + 1]
        }
      }
    } else {
      for (column, field) in columns.enumerated() where field >= 0 && field < fieldCount {
        let low = Int(fieldSpans[2 * field])
        let high = Int(fieldSpans[2 * field + 1])
        setField(column, UnsafeBufferPointer(rebasing: record[low..<high]))
      }
    }
    endRow()
  }

  /// The bytes of `row`'s field at `column`, as offsets into ``bytes``.
  @inline(__always)
  func span(row: Int, column: Int) -> (low: Int, high: Int) {
    let slot = row * 2 * width + 2 * column
    return (Int(spans[slot]), Int(spans[slot + 1]))
  }
}
