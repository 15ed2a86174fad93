/// One value as the file holds it, before its column's kind is decided: text from delimited
/// files, typed values from JSON and workbooks.
public enum TableCell: Sendable, Hashable {
  /// Nothing, or a missing marker in a typed file (`null`).
  case missing
  /// Text, to be read by the column's rules (numbers, dates and missing markers included).
  case text(String)
  /// A number (JSON number, workbook number).
  case number(Double)
  /// A boolean.
  case boolean(Bool)
  /// A moment, in seconds since 1970-01-01 00:00 UTC (workbook date cells); `hasTime` when the
  /// value or its format has a time of day.
  case moment(Double, hasTime: Bool)
}
