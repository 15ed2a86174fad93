/// Gathers the cells of the wanted columns row by row (the others are never stored), then
/// infers each column's kind.
struct ColumnCollector {
  let name: String
  let wanted: [String]?
  let maxRows: Int
  private(set) var header: [String] = []
  private var indices: [Int] = []
  private var cells: [[TableCell]] = []
  /// Delimited text keeps bytes instead of cells (``beginRawRow()`` … ``endRawRow()``, or
  /// ``addRawRecord(_:spans:fieldCount:whole:)``).
  private var raw = RawRows(width: 0)
  private var usesRaw = false
  private(set) var rows = 0
  var warnings: [String] = []
  /// For formats whose columns appear as rows are read (JSON): wanted names not yet seen.
  private var lateHeader = false
  /// The most columns a header may have.
  var maxColumns = Int.max
  /// When set, every `batchRows` rows become a ``Table`` handed to `batchHandler` and are
  /// dropped (``TableReader/readBatches(path:columns:sheet:limits:batchRows:_:)``).
  var batchRows = Int.max
  /// How far the reader is through its source, in bytes, when it says (for
  /// ``Table/sourceShare``).
  var sourceBytes = (read: 0, total: 0)
  var batchHandler: ((Table) throws(TableError) -> Void)?
  /// The first row of the batch being gathered.
  private var batchStart = 0
  var format: TableFormat = .delimited
  /// Identifiers written as whole numbers stay numbers (no string per cell) instead of text.
  var numericIDs = false
  var sheet: String?

  init(name: String, wanted: [String]?, maxRows: Int) {
    self.name = name
    self.wanted = wanted
    self.maxRows = maxRows
  }

  /// Sets the header; checks the wanted columns against it now.
  mutating func setHeader(_ header: [String], complete: Bool = true) throws(TableError) {
    guard header.count <= maxColumns else {
      throw .limitExceeded(
        "\(name) has \(header.count) columns; the limit is \(maxColumns) (choose the columns to use)"
      )
    }
    self.header = header.map { $0.trimmingSpaces }
    lateHeader = !complete
    let names = wanted ?? self.header
    if complete {
      for column in names where !self.header.contains(column) {
        throw unknown(column)
      }
    }
    indices = names.map { self.header.firstIndex(of: $0) ?? -1 }
    cells = Array(repeating: [], count: names.count)
  }

  /// For each header index, the position of its column among those kept, or -1.
  var positionsByHeaderIndex: [Int] {
    var map = [Int](repeating: -1, count: header.count)
    for (position, index) in indices.enumerated() where index >= 0 { map[index] = position }
    return map
  }

  /// How many columns are kept.
  var wantedCount: Int { indices.count }

  /// Whether every column of the header is kept (a delimited record is then copied whole).
  var keepsEveryColumn: Bool {
    Set(indices.filter { $0 >= 0 }).count == header.count
  }

  /// Starts (or starts again) a delimited row: bytes appended since the last complete row
  /// are dropped.
  mutating func beginRawRow() {
    startRaw()
    raw.beginRow()
  }

  /// Appends a field's bytes to the kept column at `position`.
  mutating func appendRaw(_ position: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(TableError) {
    try checkRawBytes(adding: bytes.count)
    raw.setField(position, bytes)
  }

  /// Ends a delimited row (fields not given are empty, so missing).
  mutating func endRawRow() throws(TableError) {
    try checkRawRow()
    raw.endRow()
    try rowAdded()
  }

  /// Adds a whole delimited record: `spans` holds each of its `fieldCount` fields' start and
  /// end relative to `record`. With `whole` (``keepsEveryColumn``), its bytes are copied at
  /// once.
  mutating func addRawRecord(
    _ record: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<Int32>, fieldCount: Int,
    whole: Bool
  ) throws(TableError) {
    startRaw()
    try checkRawRow()
    try checkRawBytes(adding: record.count)
    raw.appendRecord(
      record, fieldSpans: spans, fieldCount: fieldCount, columns: indices, whole: whole)
    try rowAdded()
  }

  private mutating func startRaw() {
    if !usesRaw {
      usesRaw = true
      raw = RawRows(width: indices.count)
    }
  }

  private func checkRawRow() throws(TableError) {
    // A cancelled task (a tool call past its timeout) stops within 65,536 rows.
    if rows & 0xFFFF == 0xFFFF, Task.isCancelled { throw .cancelled }
    guard rows < maxRows else {
      throw .limitExceeded(
        "\(name) has more than \(maxRows) data rows; the limit is \(maxRows) (sample or split the file)"
      )
    }
  }

  private func checkRawBytes(adding count: Int) throws(TableError) {
    guard raw.bytes.count + count <= RawRows.maxBytes else {
      throw .limitExceeded(
        "\(name)'s cells pass 2 GB in one read; the limit is 2 GB (choose the columns to use, or split the file)"
      )
    }
  }

  private mutating func rowAdded() throws(TableError) {
    rows += 1
    if rows - batchStart >= batchRows { try flushBatch() }
  }

  /// Adds a column name found later (JSON objects with new keys).
  mutating func extendHeader(_ column: String) throws(TableError) -> Int {
    guard header.count < maxColumns else {
      throw .limitExceeded(
        "\(name) has more than \(maxColumns) columns; the limit is \(maxColumns) (choose the columns to use)"
      )
    }
    header.append(column)
    let index = header.count - 1
    if wanted == nil {
      indices.append(index)
      cells.append(Array(repeating: .missing, count: rows - batchStart))
    } else if let position = wanted!.firstIndex(of: column) {
      indices[position] = index
    }
    return index
  }

  /// Adds one data row; `cell` gives the cell at a header index.
  mutating func add(_ cell: (Int) -> TableCell) throws(TableError) {
    guard rows < maxRows else {
      throw .limitExceeded(
        "\(name) has more than \(maxRows) data rows; the limit is \(maxRows) (sample or split the file)"
      )
    }
    for (position, index) in indices.enumerated() {
      cells[position].append(index >= 0 ? cell(index) : .missing)
    }
    rows += 1
    if rows - batchStart >= batchRows { try flushBatch() }
  }

  func unknown(_ column: String) -> TableError {
    var message = "\(name) has no column \"\(column)\""
    if let closest = ClosestName.find(column, in: header) {
      message += " (did you mean \"\(closest)\"?)"
    }
    let list = header.prefix(40).map { "\"\($0)\"" }.joined(separator: ", ")
    message += "; its columns are \(list)" + (header.count > 40 ? ", …" : "")
    return .unknownColumn(message)
  }

  /// The table of every row (``format`` and ``sheet`` as the reader set them).
  consuming func finish() throws(TableError) -> Table {
    try checkFinished()
    return columnsSoFar(lastBatch: true)
  }

  /// Ends a batched read: the rows not yet handed over become the last batch.
  mutating func finishBatches() throws(TableError) {
    try checkFinished()
    if rows > batchStart { try flushBatch() }
  }

  private func checkFinished() throws(TableError) {
    guard !header.isEmpty else {
      throw .empty("\(name) is empty: expected a header row, then one row per record")
    }
    if lateHeader, let wanted {
      for column in wanted where !header.contains(column) { throw unknown(column) }
    }
    guard rows > 0 else {
      throw .empty("\(name) has a header row but no data rows")
    }
  }

  private mutating func flushBatch() throws(TableError) {
    guard let batchHandler else { return }
    let table = columnsSoFar(lastBatch: false)
    batchStart = rows
    try batchHandler(table)
  }

  /// The rows gathered since the last batch as a table (the gathered cells are released).
  private mutating func columnsSoFar(lastBatch: Bool) -> Table {
    let names = wanted ?? header
    var columns: [TableColumn] = []
    columns.reserveCapacity(names.count)
    var replaced = false
    let count = rows - batchStart
    for (position, column) in names.enumerated() {
      if usesRaw {
        columns.append(
          ColumnInference.column(
            named: column, rows: raw, column: position, replaced: &replaced,
            numericIDs: numericIDs))
      } else if position < cells.count {
        columns.append(ColumnInference.column(named: column, cells: cells[position]))
        cells[position] = []
      } else {
        columns.append(
          ColumnInference.column(
            named: column, cells: Array(repeating: .missing, count: count)))
      }
    }
    if usesRaw { raw.removeAll() }
    var notes = lastBatch ? warnings : []
    if replaced {
      notes.append(
        "\(name) is not valid UTF-8; undecodable bytes were replaced with U+FFFD (save it as UTF-8)"
      )
    }
    var table = Table(
      source: name, format: format, header: header, columns: columns, rowCount: count,
      sheet: sheet, warnings: notes, firstRow: batchStart)
    if sourceBytes.total > 0 {
      table.sourceShare = min(1, Double(sourceBytes.read) / Double(sourceBytes.total))
    }
    return table
  }
}

extension String {
  var trimmingSpaces: String {
    String(ColumnInference.trimmed(self))
  }
}
