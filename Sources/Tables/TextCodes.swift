/// A text column's values as codes into its distinct values, as the delimited reader found
/// them: `codes[row]` indexes `labels` (first seen first), `-1` for a missing value. Work done
/// per distinct value (hashing, counting characters) need not be done per row.
public struct TextCodes: Sendable {
  /// Each row's index into ``labels``, or `-1` when missing.
  public let codes: [Int]
  /// The distinct values in the order their first row comes.
  public let labels: [String]

  /// Creates codes; every code is `-1` or an index of `labels`.
  public init(codes: [Int], labels: [String]) {
    self.codes = codes
    self.labels = labels
  }
}
