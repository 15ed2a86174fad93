/// Correlation matrices of the numeric columns (pairwise complete rows, as pandas).
public struct Correlations: Sendable, Hashable, Codable {
  /// The columns, in matrix order.
  public var columns: [String]
  /// Pearson's r; `null` where a pair has fewer than two rows or a constant side.
  public var pearson: [[Double?]]
  /// Spearman's ρ (Pearson on average ranks).
  public var spearman: [[Double?]]
  /// Whether Spearman used every row (else the seeded sample of `sample_rows`).
  public var spearmanExact: Bool

  enum CodingKeys: String, CodingKey {
    case columns, pearson, spearman
    case spearmanExact = "spearman_exact"
  }
}
