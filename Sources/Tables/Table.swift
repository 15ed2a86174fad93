/// The columns of a table file that a job asked for, typed, with what was skipped.
///
/// ```swift
/// let table = try TableReader.read(path: "tips.csv", columns: ["day", "tip"])
/// let tips = table.column("tip")?.numbers
/// ```
public struct Table: Sendable {
  /// The file's name as given.
  public var source: String
  /// How it was read.
  public var format: TableFormat
  /// Every column name in the header, in file order (also those not read).
  public var header: [String]
  /// The columns read, in the order asked.
  public var columns: [TableColumn]
  /// Data rows.
  public var rowCount: Int
  /// The sheet read, for workbooks.
  public var sheet: String?
  /// Things worth knowing (replaced bytes, short rows).
  public var warnings: [String]
  /// The index of the first row, counted from 0 after the header: 0 unless the table is a
  /// later batch of ``TableReader/readBatches(path:columns:sheet:limits:batchRows:_:)``.
  public var firstRow: Int
  /// The share of the source's bytes read by the end of this batch, when the reader knows it
  /// (delimited text): with ``firstRow`` and ``rowCount``, an estimate of the rows to come.
  public var sourceShare: Double?

  /// Creates a table.
  public init(
    source: String, format: TableFormat, header: [String], columns: [TableColumn],
    rowCount: Int, sheet: String? = nil, warnings: [String] = [], firstRow: Int = 0
  ) {
    self.firstRow = firstRow
    self.source = source
    self.format = format
    self.header = header
    self.columns = columns
    self.rowCount = rowCount
    self.sheet = sheet
    self.warnings = warnings
  }

  /// The column with this name, if it was read.
  public func column(_ name: String) -> TableColumn? { columns.first { $0.name == name } }
}
