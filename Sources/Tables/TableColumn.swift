/// One column of a ``Table``: its name, inferred kind, values and what was missing.
public struct TableColumn: Sendable, Hashable {
  /// The header's name for the column.
  public var name: String
  /// What the values are.
  public var kind: ColumnKind
  /// The values, one per row.
  public var values: ColumnValues
  /// The unit written around the numbers, when there was one.
  public var unit: ValueUnit?
  /// How many values were empty or a missing marker (`NA`, `null`, …).
  public var missingCount: Int
  /// The date layout the column's text was read with (`"31.01.2024"`), for dates read from
  /// text.
  public var dateLayout: String?
  /// For a text column whose other values are numbers: the first value that is not one.
  public var firstNonNumber: NonNumber?

  /// Creates a column.
  public init(
    name: String, kind: ColumnKind, values: ColumnValues, unit: ValueUnit? = nil,
    missingCount: Int = 0, dateLayout: String? = nil
  ) {
    self.name = name
    self.kind = kind
    self.values = values
    self.unit = unit
    self.missingCount = missingCount
    self.dateLayout = dateLayout
  }

  /// The numbers of a numeric column, or of a date column (seconds), or `nil`.
  public var numbers: [Double?]? {
    switch values {
    case .numbers(let v), .moments(let v): v
    case .booleans(let v): v.map { $0.map { $0 ? 1 : 0 } }
    case .texts: nil
    }
  }
}
