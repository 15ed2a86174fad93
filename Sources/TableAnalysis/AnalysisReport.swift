/// What `lumen analyze` wrote: the folder, its files, and the numbers a caller reads first.
public struct AnalysisReport: Sendable, Codable, Hashable {
  /// The output folder.
  public var output: String
  /// `stats.json`, `report.html` (or the partial state's file) in it.
  public var files: [String]
  /// The charts' PNG and SVG paths.
  public var charts: [String]
  public var rows: Int
  public var columns: Int
  /// Warnings of the statistics (messages).
  public var warnings: [String]
  /// The statistics document (`stats.json`); absent for a partial state.
  public var statistics: TableStatistics?
  /// Seconds of the whole analysis.
  public var seconds: Double
  /// `stats.json`'s bytes as written (pretty, keys sorted), for a caller that prints them
  /// rather than encoding ``statistics`` again; not part of the report's own JSON.
  public var statisticsJSON: [UInt8]?

  /// One line for people.
  public var summary: String {
    let plural = charts.count / 2 == 1 ? "" : "s"
    let head =
      "analysed \(NumberFormat.grouped(Int64(rows))) rows × \(columns) columns into \(output)"
    if statistics == nil { return head + " (partial state)" }
    return head + ": stats.json, report.html and \(charts.count / 2) chart\(plural)"
      + (warnings.isEmpty ? "" : "; \(warnings.count) warning(s)")
  }

  enum CodingKeys: String, CodingKey {
    case output, files, charts, rows, columns, warnings, statistics, seconds
  }
}
