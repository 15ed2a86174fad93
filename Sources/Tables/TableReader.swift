internal import Foundation

/// Reads the table files people upload — CSV/TSV (separator sniffed), JSON Lines, a JSON array
/// of objects, `.xlsx` — into typed columns, keeping only the columns a job asks for.
///
/// ```swift
/// let table = try TableReader.read(path: "weather.csv", columns: ["date", "temp_max"])
/// ```
public enum TableReader {
  /// What a read may cost.
  public struct Limits: Sendable, Hashable {
    /// The largest file read (1 GiB by default).
    public var maxFileBytes: Int = 1 << 30
    /// The most data rows (20 million by default).
    public var maxRows: Int = 20_000_000
    /// The largest unpacked workbook part (512 MiB by default).
    public var maxWorkbookPartBytes: Int = 512 << 20
    /// The most columns in a header (100,000 by default).
    public var maxColumns: Int = 100_000
    /// The largest file of a format parsed whole, a JSON array or a workbook (1 GiB by
    /// default), when ``maxFileBytes`` allows more for the streamed ones (CSV/TSV, JSON Lines).
    public var maxWholeFileBytes: Int = 1 << 30

    /// The defaults.
    public init() {}
  }

  /// Reads `path`, keeping `columns` (all when `nil`), in that order.
  ///
  /// - Parameters:
  ///   - sheet: The workbook sheet to read (the first when `nil`); an error for other files.
  /// - Throws: ``TableError``: the file cannot be read, is not a table, is empty or header-only,
  ///   a column is not in it (naming those that are, and the closest), or a limit is passed.
  public static func read(
    path: String, columns wanted: [String]? = nil, sheet: String? = nil,
    limits: Limits = Limits()
  ) throws(TableError) -> Table {
    let head = try Self.head(path: path, limits: limits)
    var collector = ColumnCollector(name: path, wanted: wanted, maxRows: limits.maxRows)
    collector.maxColumns = limits.maxColumns
    try read(.file(path: path), head: head, sheet: sheet, limits: limits, into: &collector)
    return try collector.finish()
  }

  /// Reads `path` as a matrix of numbers straight into one array, when it is delimited text
  /// whose cells after the first column are plain numbers (`-12`, `3.25`, `1e-3`) or missing;
  /// `nil` when it is anything else, and then ``read(path:columns:sheet:limits:)`` reads it
  /// (with the same result where both read it, and the errors and warnings in its words).
  /// About twice as fast on a million cells, without a copy of the text per column.
  public static func readNumberMatrix(path: String, limits: Limits = Limits()) throws(TableError)
    -> NumberMatrix?
  {
    let head = try Self.head(path: path, limits: limits)
    guard !head.isEmpty, TableFormat.detect(head: head, name: path) == .delimited else {
      return nil
    }
    return try DelimitedMatrix.read(
      path: path, head: head, maxRows: limits.maxRows, maxColumns: limits.maxColumns)
  }

  /// What a batched read saw: the whole header, the rows, and what is worth knowing.
  public struct BatchSummary: Sendable {
    /// How the file was read.
    public var format: TableFormat
    /// Every column name in the header, in file order.
    public var header: [String]
    /// Data rows in all.
    public var rowCount: Int
    /// The sheet read, for workbooks.
    public var sheet: String?
    /// Replaced bytes, short rows.
    public var warnings: [String]
  }

  /// Reads `path` as ``read(path:columns:sheet:limits:)`` does, but hands the rows over as
  /// tables of at most `batchRows` rows each (``Table/firstRow`` says where each starts), so
  /// memory holds one batch. Each batch's column kinds are inferred from its own values.
  /// Delimited text and JSON Lines are streamed; a JSON array or a workbook is read whole,
  /// then handed over in batches. With `numericIDs`, an identifier column of whole numbers in
  /// delimited text keeps its values as ``ColumnValues/numbers(_:)`` (no string per cell).
  public static func readBatches(
    path: String, columns wanted: [String]? = nil, sheet: String? = nil,
    limits: Limits = Limits(), batchRows: Int, numericIDs: Bool = false,
    _ body: (Table) throws(TableError) -> Void
  ) throws(TableError) -> BatchSummary {
    let head = try Self.head(path: path, limits: limits)
    return try withoutActuallyEscaping(body) { (escaping) throws(TableError) -> BatchSummary in
      var collector = ColumnCollector(name: path, wanted: wanted, maxRows: limits.maxRows)
      collector.maxColumns = limits.maxColumns
      collector.batchRows = max(1, batchRows)
      collector.numericIDs = numericIDs
      collector.batchHandler = escaping
      try read(.file(path: path), head: head, sheet: sheet, limits: limits, into: &collector)
      try collector.finishBatches()
      let summary = BatchSummary(
        format: collector.format, header: collector.header, rowCount: collector.rows,
        sheet: collector.sheet,
        warnings: collector.warnings)
      collector.batchHandler = nil
      return summary
    }
  }

  /// The first 64 KB of `path`, after checking it exists, is a file and is within the limits.
  private static func head(path: String, limits: Limits) throws(TableError) -> Data {
    do {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw TableError.unreadable("\(path) does not exist")
      }
      if isFolder.boolValue {
        throw TableError.unreadable("\(path) is a folder, not a table file")
      }
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      if let size = attributes[.size] as? Int, size > limits.maxFileBytes {
        throw TableError.limitExceeded(
          "\(path) is \(size) bytes; the limit is \(limits.maxFileBytes) bytes")
      }
      guard let handle = FileHandle(forReadingAtPath: path) else {
        throw TableError.unreadable("cannot open \(path) (permission denied?)")
      }
      defer { try? handle.close() }
      return try handle.read(upToCount: 64 << 10) ?? Data()
    } catch let error as TableError {
      throw error
    } catch {
      throw .unreadable("cannot read \(path): \(error.localizedDescription)")
    }
  }

  /// Reads a table held in memory (named `name` in messages; its extension, if any, helps tell
  /// JSON Lines from a JSON array), as ``read(path:columns:sheet:limits:)`` reads a file.
  public static func read(
    bytes: [UInt8], name: String, columns wanted: [String]? = nil, sheet: String? = nil,
    limits: Limits = Limits()
  ) throws(TableError) -> Table {
    guard bytes.count <= limits.maxFileBytes else {
      throw .limitExceeded(
        "\(name) is \(bytes.count) bytes; the limit is \(limits.maxFileBytes) bytes")
    }
    var collector = ColumnCollector(name: name, wanted: wanted, maxRows: limits.maxRows)
    collector.maxColumns = limits.maxColumns
    try read(
      .memory(bytes: bytes, name: name), head: Data(bytes.prefix(64 << 10)), sheet: sheet,
      limits: limits, into: &collector)
    return try collector.finish()
  }

  /// Reads the rows of `source` into `collector` (and sets its format and the sheet read).
  private static func read(
    _ source: TableSource, head: Data, sheet: String?, limits: Limits,
    into collector: inout ColumnCollector
  ) throws(TableError) {
    let path = source.name
    if head.isEmpty {
      throw .empty("\(path) is empty: expected a header row, then one row per record")
    }
    guard let format = TableFormat.detect(head: head, name: path) else {
      throw .malformed(
        "\(path) is not a table: it is binary data, not CSV/TSV, JSON or an .xlsx workbook")
    }
    if sheet != nil, format != .xlsx {
      throw .unsupported("\(path) is \(format.phrase), which has no sheets; leave out the sheet")
    }
    collector.format = format
    if format == .jsonArray || format == .xlsx, case .file(let file) = source,
      let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int,
      size > limits.maxWholeFileBytes
    {
      throw .limitExceeded(
        "\(path) is \(size) bytes of \(format.phrase), which is read whole; the limit is \(limits.maxWholeFileBytes) bytes (save it as CSV or JSON Lines, which are streamed)"
      )
    }
    switch format {
    case .delimited:
      try DelimitedRows.read(source, head: head, into: &collector)
    case .jsonLines, .jsonArray:
      try JSONRows.read(source, format: format, into: &collector)
    case .xlsx:
      let workbook = try XLSXWorkbook(source, maxPartBytes: limits.maxWorkbookPartBytes)
      let (chosen, rows) = try workbook.rows(sheet: sheet)
      collector.sheet = chosen
      guard let first = rows.first else {
        throw .empty("the sheet \"\(chosen)\" of \(path) is empty")
      }
      var header: [String] = []
      for (column, cell) in first {
        while header.count < column { header.append(Self.unnamed(header.count)) }
        header.append(Self.text(of: cell) ?? Self.unnamed(column))
      }
      try collector.setHeader(header)
      for row in rows.dropFirst() {
        try collector.add { index in
          row.first { $0.0 == index }?.1 ?? .missing
        }
      }
    }
  }

  static func unnamed(_ index: Int) -> String { "column \(index + 1)" }

  private static func text(of cell: TableCell) -> String? {
    switch cell {
    case .text(let t): t.isEmpty ? nil : t
    case .number(let n): NumberText.plain(n)
    case .boolean(let b): b ? "true" : "false"
    case .moment(let s, let time): CivilDate.text(seconds: s, withTime: time)
    case .missing: nil
    }
  }
}
