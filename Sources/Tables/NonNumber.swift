/// A value that keeps a mostly numeric column from being numbers, for the error that says
/// where it is.
public struct NonNumber: Sendable, Hashable {
  /// The data row, from 1 (the header is not counted).
  public var row: Int
  /// The value as written.
  public var text: String

  /// Creates a description of a value.
  public init(row: Int, text: String) {
    self.row = row
    self.text = text
  }
}
