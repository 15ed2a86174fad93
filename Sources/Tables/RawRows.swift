/// Delimited rows' kept fields as bytes back to back, with each field's start and end: no
/// string or enum per cell until a column's kind is known (numbers never become strings).
struct RawRows {
  /// The most bytes the rows may hold (offsets are 32-bit).
  static let maxBytes = Int(Int32.max)

  /// Fields per row.
  let width: Int
  private(set) var bytes: [UInt8] = []
  /// Column by column, room for ``rowCapacity`` rows each: a field's start and end in
  /// ``bytes`` (equal for an empty field), so a column's fields are read in one sweep.
  private var spans: [Int32] = []
  private var rowCapacity = 0
  /// Complete rows.
  private(set) var count = 0
  /// `bytes.count` after the last complete row (a row begun again drops what came after).
  private var committed = 0

  /// Rows of `width` fields; room for up to 1,024 rows is made at once (at most a million
  /// spans), more as needed.
  init(width: Int) {
    self.width = width
    rowCapacity = max(1, min(1024, (1 << 20) / max(1, width)))
    spans = [Int32](repeating: 0, count: 2 * width * rowCapacity)
  }

  /// Drops every row, keeping the room made (the next batch of rows fills it again).
  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    count = 0
    committed = 0
  }

  @inline(__always)
  private func slot(_ row: Int, _ column: Int) -> Int { 2 * (column * rowCapacity + row) }

  /// Starts a row whose fields are empty until set; a row begun again (a record read again
  /// after a buffer refill) drops what the unfinished one added.
  mutating func beginRow() {
    if bytes.count != committed { bytes.removeSubrange(committed...) }
    if count == rowCapacity { grow() }
    let row = count
    spans.withUnsafeMutableBufferPointer { spans in
      for column in 0..<width {
        let at = 2 * (column * rowCapacity + row)
        spans[at] = 0
        spans[at + 1] = 0
      }
    }
  }

  /// Twice the room per column, the spans moved to their new places.
  private mutating func grow() {
    let capacity = rowCapacity * 2
    var wider = [Int32](repeating: 0, count: 2 * width * capacity)
    for column in 0..<width {
      let from = 2 * column * rowCapacity
      let to = 2 * column * capacity
      wider[to..<(to + 2 * count)] = spans[from..<(from + 2 * count)]
    }
    spans = wider
    rowCapacity = capacity
  }

  /// Sets the begun row's field at `column`.
  mutating func setField(_ column: Int, _ field: UnsafeBufferPointer<UInt8>) {
    let at = slot(count, column)
    spans[at] = Int32(truncatingIfNeeded: bytes.count)
    bytes.append(contentsOf: field)
    spans[at + 1] = Int32(truncatingIfNeeded: bytes.count)
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
      let row = count
      let capacity = rowCapacity
      spans.withUnsafeMutableBufferPointer { spans in
        for (column, field) in columns.enumerated() where field >= 0 && field < fieldCount {
          let at = 2 * (column * capacity + row)
          spans[at] = base + fieldSpans[2 * field]
          spans[at + 1] = base + fieldSpans[2 * field + 1]
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

  /// Calls `body` with the spans of `column`'s fields: for each row its start and end in
  /// ``bytes``, two entries a row (``count`` rows).
  @inline(__always)
  func withSpans<Result>(
    column: Int, _ body: (UnsafeBufferPointer<Int32>) throws -> Result
  ) rethrows -> Result {
    try spans.withUnsafeBufferPointer { spans in
      try body(
        UnsafeBufferPointer(rebasing: spans[slot(0, column)..<(slot(0, column) + 2 * count)]))
    }
  }
}
