/// What ``Chart/make(data:output:options:overwrite:)`` drew.
public struct ChartReport: Sendable, Codable, Hashable {
  /// The file written.
  public var output: String
  public var format: ChartOutputFormat
  public var kind: ChartKind
  /// Rows in the table, and rows that had no usable x (or y) and were left out.
  public var rowsRead: Int
  public var rowsUsed: Int
  /// The aggregate applied (`null` for scatter).
  public var aggregation: ChartAggregation?
  /// The value axis title (`tip (mean)`).
  public var valueTitle: String
  /// Each data mark's fields and values, as its label reads (first 500).
  public var marks: [String]
  /// How many data marks were drawn.
  public var markCount: Int
  /// The width and height in pixels (points for PDF).
  public var width: Int
  public var height: Int
  /// Partial results and choices worth knowing (sampling, skipped rows).
  public var warnings: [String]

  /// One line for people.
  public var summary: String {
    "\(kind.rawValue) chart of \(rowsUsed) rows (\(markCount) marks) written to \(output)"
  }
}
