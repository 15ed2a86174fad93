public import Charting
internal import Foundation

/// What ``Heatmap/make(data:output:options:overwrite:limits:previewSize:)`` wrote.
public struct HeatmapReport: Codable, Sendable, Hashable {
  public var output: String
  public var format: ChartOutputFormat
  public var shape: HeatmapShape
  /// Rows read from the table.
  public var rowsRead: Int
  /// The grid's rows and columns.
  public var rows: Int
  public var columns: Int
  /// The smallest and largest cell values.
  public var minValue: Double
  public var maxValue: Double
  /// Cells without data (calendar cells that are not days are not counted).
  public var missingCells: Int
  /// How a density map binned its points (`nil` for other shapes).
  public var binning: String?
  /// The aggregate of a pivot or calendar (`nil` for a matrix or a density map).
  public var aggregation: HeatmapAggregation?
  public var valueTitle: String
  public var scale: HeatmapScale
  public var order: HeatmapOrder
  /// Whether values were written in the cells (images only).
  public var annotated: Bool
  public var bytes: Int
  public var warnings: [String]

  /// One line for people (two for a density map).
  public var summary: String {
    (binning.map { "\($0)\n" } ?? "")
      + "\(output): \(format.rawValue.uppercased()) heatmap, \(rows) × \(columns) cells of \(valueTitle) (\(Self.rounded(minValue))–\(Self.rounded(maxValue)), \(missingCells) without data), \(bytes) bytes"
  }

  /// A value to 6 significant digits, for the summary (the JSON keeps every digit).
  static func rounded(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return ValueText.shortest(value) }
    let digits = 6 - Int(log10(abs(value)).rounded(.up))
    let scale = pow(10, Double(max(0, min(digits, 15))))
    return ValueText.shortest((value * scale).rounded() / scale)
  }

  enum CodingKeys: String, CodingKey {
    case output, format, shape, rows, columns, binning, aggregation, scale, order, annotated, bytes
    case warnings
    case rowsRead = "rows_read"
    case minValue = "min_value"
    case maxValue = "max_value"
    case missingCells = "missing_cells"
    case valueTitle = "value_title"
  }
}
