internal import Charting

/// Rows and measure sums by time bucket, for the line over time: buckets start at a second
/// (a day for dates) and widen to a minute, an hour, a day when there are more than
/// ``maxBuckets``; the chart's unit is chosen at the end from the span.
struct TimeSeries: Codable, Hashable, Sendable {
  /// Five times the chart's 400 points: the chart takes an hour, say, only for a span of at
  /// most 400 hours, which 2,000 hourly buckets still hold; a longer span goes to days,
  /// whose sums a chart by days, weeks or months adds up the same way (two years of times to
  /// the second: 730 buckets, where 20,000 kept 17,500 hourly ones).
  static let maxBuckets = 2_000
  static let widths: [Int64] = [1, 60, 3_600, 86_400]
  let time: String
  let measures: [String]
  private(set) var width: Int64
  private var index: [Int64: Int] = [:]
  private(set) var starts: [Int64] = []
  private(set) var rows: [Int] = []
  /// Per measure, per bucket.
  private(set) var sums: [[Double]]
  private(set) var counts: [[Int]]

  init(time: String, measures: [String], datesOnly: Bool) {
    self.time = time
    self.measures = measures
    width = datesOnly ? 86_400 : 1
    sums = Array(repeating: [], count: measures.count)
    counts = Array(repeating: [], count: measures.count)
  }

  private mutating func bucket(_ key: Int64) -> Int {
    if let b = index[key] { return b }
    let b = starts.count
    index[key] = b
    starts.append(key)
    rows.append(0)
    for m in measures.indices {
      sums[m].append(0)
      counts[m].append(0)
    }
    return b
  }

  /// Adds a batch: the time of each row (NaN when missing) and each measure's values.
  mutating func add(times: [Double], measures values: [[Double]]) {
    // Wide enough for this batch's span before any bucket is made (no re-keying per row).
    var low = Double.infinity
    var high = -Double.infinity
    for t in times where t.isFinite {
      low = min(low, t)
      high = max(high, t)
    }
    if low <= high {
      while (high - low) / Double(width) > Double(Self.maxBuckets),
        let next = Self.widths.first(where: { $0 > width })
      {
        widen(to: next)
      }
    }
    // Rows usually come in time order: a run of rows in one bucket is summed in locals
    // (in the same order, so the sums are the same) and stored when the bucket changes.
    let measureCount = values.count
    var runKey = Int64.min
    var runBucket = -1
    var runRows = 0
    var runSums = [Double](repeating: 0, count: measureCount)
    var runCounts = [Int](repeating: 0, count: measureCount)
    func store() {
      guard runBucket >= 0 else { return }
      rows[runBucket] += runRows
      for m in 0..<measureCount {
        sums[m][runBucket] = runSums[m]
        counts[m][runBucket] = runCounts[m]
      }
    }
    for row in times.indices {
      let t = times[row]
      guard t.isFinite else { continue }
      let key = Int64((t / Double(width)).rounded(.down))
      if key != runKey {
        store()
        runKey = key
        runBucket = bucket(key)
        runRows = 0
        for m in 0..<measureCount {
          runSums[m] = sums[m][runBucket]
          runCounts[m] = counts[m][runBucket]
        }
      }
      runRows += 1
      for m in 0..<measureCount {
        let v = values[m][row]
        if !v.isNaN {
          runSums[m] += v
          runCounts[m] += 1
        }
      }
    }
    store()
    while starts.count > Self.maxBuckets, let next = Self.widths.first(where: { $0 > width }) {
      widen(to: next)
    }
  }

  private mutating func widen(to newWidth: Int64) {
    let old = self
    width = newWidth
    index = [:]
    starts = []
    rows = []
    sums = Array(repeating: [], count: measures.count)
    counts = Array(repeating: [], count: measures.count)
    absorb(old)
  }

  /// Adds another accumulator's buckets (the same time column and measures).
  private mutating func absorb(_ other: TimeSeries) {
    for (i, key) in other.starts.enumerated() {
      let seconds = key * other.width
      let b = bucket(Int64((Double(seconds) / Double(width)).rounded(.down)))
      rows[b] += other.rows[i]
      for m in measures.indices {
        sums[m][b] += other.sums[m][i]
        counts[m][b] += other.counts[m][i]
      }
    }
  }

  mutating func merge(_ other: TimeSeries) {
    if other.width > width { widen(to: other.width) }
    absorb(other)
    while starts.count > Self.maxBuckets, let next = Self.widths.first(where: { $0 > width }) {
      widen(to: next)
    }
  }

  /// A resampled series: period starts (seconds), rows and each measure's mean per period.
  struct Resampled {
    var unit: String
    var starts: [Double]
    var rows: [Int]
    var means: [[Double]]
  }

  /// The series in the finest unit (minute, hour, day, week, month, quarter, year) at least as
  /// wide as the buckets that gives at most `maxPoints` periods over the span.
  func resampled(maxPoints: Int = 400) -> Resampled? {
    guard let low = starts.min(), let high = starts.max() else { return nil }
    let span = Double((high - low + 1) * width)
    let ladder: [(String, Double, TimeUnit?)] = [
      ("second", 1, nil), ("minute", 60, nil), ("hour", 3_600, nil), ("day", 86_400, .day),
      ("week", 604_800, .week), ("month", 2_629_746, .month), ("quarter", 7_889_238, .quarter),
      ("year", 31_556_952, .year),
    ]
    let choice =
      ladder.first { $0.1 >= Double(width) && span / $0.1 <= Double(maxPoints) } ?? ladder.last!
    var periods: [Double: Int] = [:]
    var out = Resampled(
      unit: choice.0, starts: [], rows: [], means: Array(repeating: [], count: measures.count))
    var sumsOut: [[Double]] = Array(repeating: [], count: measures.count)
    var countsOut: [[Int]] = Array(repeating: [], count: measures.count)
    for (i, key) in starts.enumerated() {
      let seconds = Double(key * width)
      let start =
        choice.2.map { $0.start(of: seconds) } ?? (seconds / choice.1).rounded(.down) * choice.1
      let p: Int
      if let known = periods[start] {
        p = known
      } else {
        p = out.starts.count
        periods[start] = p
        out.starts.append(start)
        out.rows.append(0)
        for m in measures.indices {
          sumsOut[m].append(0)
          countsOut[m].append(0)
        }
      }
      out.rows[p] += rows[i]
      for m in measures.indices {
        sumsOut[m][p] += sums[m][i]
        countsOut[m][p] += counts[m][i]
      }
    }
    let order = out.starts.indices.sorted { out.starts[$0] < out.starts[$1] }
    out.starts = order.map { out.starts[$0] }
    out.rows = order.map { out.rows[$0] }
    for m in measures.indices {
      out.means[m] = order.map {
        countsOut[m][$0] > 0 ? sumsOut[m][$0] / Double(countsOut[m][$0]) : .nan
      }
    }
    return out
  }
}

extension TimeSeries {
  /// Whether decoded buckets line up: one start, row count and sum per bucket and measure.
  var isWellFormed: Bool {
    Self.widths.contains(width) && rows.count == starts.count && index.count == starts.count
      && sums.count == measures.count && counts.count == measures.count
      && sums.allSatisfy { $0.count == starts.count }
      && counts.allSatisfy { $0.count == starts.count }
      && index.values.allSatisfy { $0 >= 0 && $0 < starts.count }
  }
}
