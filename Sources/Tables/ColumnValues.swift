/// A column's values, typed by its kind; `nil` is a missing value.
public enum ColumnValues: Sendable, Hashable {
  /// Integer and float columns.
  case numbers([Double?])
  /// Boolean columns.
  case booleans([Bool?])
  /// Date and datetime columns, in seconds since 1970-01-01 00:00 UTC (local times as if UTC).
  case moments([Double?])
  /// Category, text and identifier columns.
  case texts(TextValues)

  /// The number of rows.
  public var count: Int {
    switch self {
    case .numbers(let v): v.count
    case .booleans(let v): v.count
    case .moments(let v): v.count
    case .texts(let v): v.count
    }
  }

  /// The row's value as text, as a label shows it (`nil` when missing).
  public func text(at row: Int) -> String? {
    switch self {
    case .numbers(let v): v[row].map { NumberText.plain($0) }
    case .booleans(let v): v[row].map { $0 ? "true" : "false" }
    case .moments(let v): v[row].map { CivilDate.text(seconds: $0, withTime: true) }
    case .texts(let v): v[row]
    }
  }
}
