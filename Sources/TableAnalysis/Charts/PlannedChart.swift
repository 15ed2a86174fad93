internal import Charting
internal import Tables

/// A chart chosen by a rule: what it shows, why, and the small table (or bins) it is drawn
/// from — never the raw rows.
struct PlannedChart {
  /// What the chart is drawn from.
  enum Source {
    /// A summary table drawn as `lumen chart` draws tables.
    case table(Table, ChartOptions)
    /// Bins already counted.
    case histogram(edges: [Double], counts: [Int], column: TableColumn, options: ChartOptions)
  }

  var kind: String
  var title: String
  var columns: [String]
  var why: String
  var source: Source
}
