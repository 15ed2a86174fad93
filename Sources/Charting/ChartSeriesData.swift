/// Values by category and series, after grouping and aggregation (bar, area, line over
/// categories, pie, heatmap rows).
struct CategoryTable {
  /// The category labels along x, in drawing order.
  var categories: [String]
  /// The series names (`nil` for a single series).
  var series: [String?]
  /// `values[series][category]`, NaN where no row fell.
  var values: [[Double]]
  /// What was done to keep the chart readable (categories folded into "other").
  var warnings: [String] = []
}

/// Points with numeric x (line and area over numbers or dates, scatter).
struct PointSeries {
  var name: String?
  var xs: [Double]
  var ys: [Double]
  var sizes: [Double]?
}

/// A box plot's numbers for one category.
struct BoxStats: Equatable {
  var category: String
  var q1: Double
  var median: Double
  var q3: Double
  var lowerWhisker: Double
  var upperWhisker: Double
  var outliers: [Double]
  var count: Int
}
