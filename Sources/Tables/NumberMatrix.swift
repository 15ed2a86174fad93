/// A table read as a matrix of numbers: the first column's values as row labels, the other
/// columns' names as column labels, and every other cell a number or missing.
///
/// ``TableReader/readNumberMatrix(path:limits:)`` reads one straight into ``values`` when the
/// file is that plain; the result equals reading the table and taking its columns.
public struct NumberMatrix: Sendable {
  /// The file's name as given.
  public var source: String
  /// The first column, typed as ``TableReader/read(path:columns:sheet:limits:)`` types it.
  public var labels: TableColumn
  /// The names of the other columns, in file order.
  public var columnNames: [String]
  /// The cells row by row (`columnNames.count` a row); NaN for a missing cell.
  public var values: [Double]
  /// Data rows.
  public var rowCount: Int
}
