/// A short view of an analysis for a model's context (`lumen analyze --json --summary`): per
/// column the kind and a few numbers, the strongest pairs, the warnings and the charts.
public struct AnalysisSummary: Sendable, Hashable, Codable {
  /// One column in brief.
  public struct Column: Sendable, Hashable, Codable {
    public var name: String
    public var kind: String
    public var count: Int
    public var missing: Int
    public var distinct: Int
    public var mean: StatValue?
    public var p50: StatValue?
    public var min: StatValue?
    public var max: StatValue?
    public var top: String?
  }

  /// One chart in brief.
  public struct Chart: Sendable, Hashable, Codable {
    public var png: String
    public var svg: String
    public var why: String
  }

  public var output: String
  public var rows: Int
  public var columns: [Column]
  public var strongestPairs: [CorrelatedPair]
  public var warnings: [String]
  public var charts: [Chart]
  public var report: String

  enum CodingKeys: String, CodingKey {
    case output, rows, columns
    case strongestPairs = "strongest_pairs"
    case warnings, charts, report
  }

  /// The summary of a finished analysis.
  public init(report: AnalysisReport, statistics: TableStatistics) {
    output = report.output
    rows = statistics.rows
    columns = statistics.columns.map {
      Column(
        name: $0.name, kind: $0.kind.rawValue, count: $0.count, missing: $0.missing,
        distinct: $0.distinct, mean: $0.mean, p50: $0.p50, min: $0.min, max: $0.max, top: $0.top)
    }
    strongestPairs = statistics.strongestPairs
    warnings = statistics.warnings.map(\.message)
    let folder = report.output.hasSuffix("/") ? report.output : report.output + "/"
    charts = statistics.charts.map {
      Chart(png: folder + $0.png, svg: folder + $0.svg, why: $0.why)
    }
    self.report = folder + "report.html"
  }
}
