/// The running aggregate of one cell: count, sum, extremes, and the values themselves only for
/// a median.
struct CellAccumulator: Sendable {
  var count = 0
  var sum = 0.0
  var low = Double.infinity
  var high = -Double.infinity
  var kept: [Double] = []

  mutating func add(_ value: Double, keep: Bool) {
    count += 1
    sum += value
    low = min(low, value)
    high = max(high, value)
    if keep { kept.append(value) }
  }

  /// The cell's value, `nan` when no row fell in it (a count is then 0).
  func value(_ aggregation: HeatmapAggregation) -> Double {
    if aggregation == .count { return Double(count) }
    guard count > 0 else { return .nan }
    switch aggregation {
    case .sum: return sum
    case .mean: return sum / Double(count)
    case .min: return low
    case .max: return high
    case .count: return Double(count)
    case .median:
      let sorted = kept.sorted()
      let mid = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
  }
}
