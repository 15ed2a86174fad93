/// The order of bars and slices.
public enum ChartSort: String, Sendable, Hashable, Codable, CaseIterable {
  /// By x: first appearance for words, ascending for numbers and dates.
  case x
  /// By value, ascending.
  case y
  /// By value, descending.
  case descending = "-y"
}
