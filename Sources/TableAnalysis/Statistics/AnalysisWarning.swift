/// Something about the data a person should know before trusting a chart.
public struct AnalysisWarning: Sendable, Hashable, Codable {
  /// What kind of problem.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case constant
    case nearUnique = "near_unique"
    case mixedTypes = "mixed_types"
    case missing
    case duplicateRows = "duplicate_rows"
    case suspiciousID = "suspicious_id"
    case reading
  }

  /// The column concerned, if one.
  public var column: String?
  public var kind: Kind
  /// The sentence shown.
  public var message: String
}
