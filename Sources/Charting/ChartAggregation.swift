/// How the rows that share an x (and a colour) become one value.
public enum ChartAggregation: String, Sendable, Hashable, Codable, CaseIterable {
  case sum, mean, median, count, min, max

  /// The aggregate of `values` (`count` counts rows, also those without a value).
  func apply(_ values: [Double], rows: Int) -> Double {
    switch self {
    case .count: return Double(rows)
    case .sum: return values.reduce(0, +)
    case .mean: return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    case .median: return values.isEmpty ? .nan : Quantiles.of(values.sorted(), 0.5)
    case .min: return values.min() ?? .nan
    case .max: return values.max() ?? .nan
    }
  }
}
