/// Two numeric columns and how strongly they move together.
public struct CorrelatedPair: Sendable, Hashable, Codable {
  public var a: String
  public var b: String
  public var pearson: Double
  public var spearman: Double?
}
