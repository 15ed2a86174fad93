/// `stats.json`: what a table holds, column by column, with correlations, warnings and the
/// charts chosen — the document a model reads to write about the data.
public struct TableStatistics: Sendable, Hashable, Codable {
  /// The file analysed (several, comma-separated, after a merge).
  public var source: String
  /// How it was read (`delimited text`, `JSON Lines`, …).
  public var format: String
  /// Data rows.
  public var rows: Int
  /// Columns analysed.
  public var columnCount: Int
  /// One entry per column, in file order.
  public var columns: [ColumnStatistics]
  /// Pearson and Spearman matrices of the numeric columns, when there are two or more.
  public var correlations: Correlations?
  /// The pairs with the largest |Pearson|, strongest first.
  public var strongestPairs: [CorrelatedPair]
  /// Rows equal to an earlier row (pandas' `duplicated().sum()`), among `duplicate_rows_checked`.
  public var duplicateRows: Int
  public var duplicateRowsChecked: Int
  /// What a person should know, most important first.
  public var warnings: [AnalysisWarning]
  /// The charts drawn, most informative first.
  public var charts: [ChartChoice]
  /// The limits that decide exactness.
  public var limits: Limits

  /// Exactness limits used.
  public struct Limits: Sendable, Hashable, Codable {
    /// Values per column kept for exact quantiles.
    public var exactValues: Int
    /// Distinct values per column counted exactly.
    public var exactDistinct: Int
    /// Rows in the seeded sample behind Spearman and the scatter chart.
    public var sampleRows: Int

    enum CodingKeys: String, CodingKey {
      case exactValues = "exact_values"
      case exactDistinct = "exact_distinct"
      case sampleRows = "sample_rows"
    }
  }

  enum CodingKeys: String, CodingKey {
    case source, format, rows
    case columnCount = "column_count"
    case columns, correlations
    case strongestPairs = "strongest_pairs"
    case duplicateRows = "duplicate_rows"
    case duplicateRowsChecked = "duplicate_rows_checked"
    case warnings, charts, limits
  }
}
