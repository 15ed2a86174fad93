internal import Foundation
public import LumenCore

/// Everything ``TableAnalysis`` needs besides the data and the output folder: the one
/// description of an analysis' settings, decoded by the `analyze_table` tool and built from
/// `lumen analyze`'s flags through the same decoder.
public struct AnalysisOptions: OperationOptions, Hashable {
  /// The columns analysed, in this order (all when `nil`).
  public var columns: [String]?
  /// The most charts drawn (0 draws none).
  public var maxCharts = 12
  /// Values per column kept for exact quantiles; past it a sketch with a stated rank error.
  public var exactLimit = 1_000_000
  /// The workbook sheet to read (xlsx).
  public var sheet: String?

  /// Columns at most (a wider header is refused before its rows are read).
  public var maxColumns = 2_000
  /// The largest CSV/TSV or JSON Lines file read (they are streamed: 1 TiB by default).
  public var maxFileBytes = 1 << 40
  /// The most rows read (streamed, so no limit by default).
  public var maxRows = Int.max
  /// Rows per batch read (memory holds one batch of the analysed columns). On 200,000 orders
  /// 8,192 took 6–9 ms less CPU than 16,384, 4,096 or 2,048 (a batch's arrays stay in the
  /// caches and the heap), and 3 MB less memory than 16,384.
  public var batchRows = 8_192

  /// The defaults.
  public init() {}

  public static let fields: [OptionField] = [
    OptionField(
      "columns", "The columns to analyse, comma-separated, in order (e.g. date,region,total)",
      absent: "null for all"),
    OptionField(
      "max_charts", "The most charts drawn, most informative first (0 for none)",
      absent: "null for 12", bounds: 0...50),
    OptionField(
      "exact_limit",
      "Values per column kept for exact quantiles; beyond it a mergeable sketch whose rank error is stated",
      absent: "null for 1000000", bounds: 1_000...50_000_000),
    OptionField("sheet", "The workbook sheet to read (xlsx)", absent: "null for the first"),
  ]

  enum CodingKeys: String, CodingKey {
    case columns, sheet
    case maxCharts = "max_charts"
    case exactLimit = "exact_limit"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let text = try c.decodeIfPresent(String.self, forKey: .columns) {
      columns = text.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }
    maxCharts = try c.decodeIfPresent(Int.self, forKey: .maxCharts) ?? 12
    exactLimit = try c.decodeIfPresent(Int.self, forKey: .exactLimit) ?? 1_000_000
    sheet = try c.decodeIfPresent(String.self, forKey: .sheet)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(columns?.joined(separator: ","), forKey: .columns)
    try c.encode(maxCharts, forKey: .maxCharts)
    try c.encode(exactLimit, forKey: .exactLimit)
    try c.encodeIfPresent(sheet, forKey: .sheet)
  }

  /// Ranges and combinations, in field names.
  public func validate() throws(AnalysisError) {
    guard (0...50).contains(maxCharts) else {
      throw .invalidOption("max_charts \(maxCharts) is out of range: max_charts must be 0–50")
    }
    guard (1_000...50_000_000).contains(exactLimit) else {
      throw .invalidOption(
        "exact_limit \(exactLimit) is out of range: exact_limit must be 1000–50000000")
    }
    if let columns {
      if columns.isEmpty || columns.contains(where: \.isEmpty) {
        throw .invalidOption("columns is empty or has an empty name; give names such as date,temp")
      }
      if Set(columns).count != columns.count {
        throw .invalidOption("columns names a column twice")
      }
    }
  }
}
