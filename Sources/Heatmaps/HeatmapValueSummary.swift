/// What one pass over a grid's shown cells finds: how many have a value, their least and
/// greatest, and the same over the values above 0 (what a log scale colours).
struct HeatmapValueSummary {
  var finiteCount = 0
  var low = Double.infinity
  var high = -Double.infinity
  var positiveLow = Double.infinity
  var positiveHigh = -Double.infinity
  /// Values at or below 0.
  var nonPositiveCount = 0

  init(_ grid: HeatmapGrid) {
    if grid.blankCells.isEmpty {
      grid.values.withUnsafeBufferPointer { values in
        for v in values { add(v) }
      }
    } else {
      for (i, v) in grid.values.enumerated() where !grid.blankCells.contains(i) { add(v) }
    }
  }

  @inline(__always)
  private mutating func add(_ v: Double) {
    guard v.isFinite else { return }
    finiteCount += 1
    low = v < low ? v : low
    high = v > high ? v : high
    if v > 0 {
      positiveLow = v < positiveLow ? v : positiveLow
      positiveHigh = v > positiveHigh ? v : positiveHigh
    } else {
      nonPositiveCount += 1
    }
  }

  /// The least and greatest value coloured (above 0 only on a log scale), or `nil` for none.
  func range(log: Bool) -> (low: Double, high: Double)? {
    if log { return positiveLow <= positiveHigh ? (positiveLow, positiveHigh) : nil }
    return low <= high ? (low, high) : nil
  }
}
