internal import Charting
internal import Dispatch
internal import Foundation
internal import Locking
internal import Tables

/// Turns a finished ``TableProfile`` into ``TableStatistics``: each column's kind settled over
/// all batches, its statistics, the correlations and the warnings (charts are added later).
enum StatisticsBuilder {
  static let topCount = 10
  /// Numeric columns with at most this many distinct values, each repeated on average, list
  /// them all (and are charted as bars of counts rather than a histogram).
  static let smallNumberValues = 12

  static func statistics(_ profile: TableProfile, source: String, format: String)
    -> TableStatistics
  {
    var warnings: [AnalysisWarning] = profile.warnings.map {
      AnalysisWarning(column: nil, kind: .reading, message: $0)
    }
    // Columns in parallel (sorting for exact quantiles is most of the work).
    let profiles = profile.columns
    let rows = profile.rows
    let results = Locked(
      [(ColumnStatistics, [AnalysisWarning])?](repeating: nil, count: profiles.count))
    DispatchQueue.concurrentPerform(iterations: profiles.count) { c in
      let result = self.column(profiles[c], rows: rows)
      results.withLock { $0[c] = result }
    }
    let done = results.withLock { $0.map { $0! } }
    let columns = done.map(\.0)
    var later = done.flatMap(\.1)
    let order: [AnalysisWarning.Kind] = [
      .mixedTypes, .missing, .duplicateRows, .suspiciousID, .constant, .nearUnique,
    ]
    if profile.duplicates.duplicates > 0 {
      let n = profile.duplicates.duplicates
      let checked = profile.duplicates.checked
      later.append(
        AnalysisWarning(
          column: nil, kind: .duplicateRows,
          message:
            "\(NumberFormat.grouped(Int64(n))) row(s) repeat an earlier row exactly (\(percent(Double(n) / Double(max(checked, 1)))) of \(checked == profile.rows ? "the" : "the first \(NumberFormat.grouped(Int64(checked)))") rows)"
        ))
    }
    for kind in order { warnings += later.filter { $0.kind == kind } }
    let rowNumbers = Set(
      warnings.filter { $0.kind == .suspiciousID }.compactMap(\.column))
    let correlations = self.correlations(profile, leaving: rowNumbers)
    var pairs: [CorrelatedPair] = []
    if let correlations {
      let n = correlations.columns.count
      for i in 0..<n {
        for j in (i + 1)..<n {
          guard let r = correlations.pearson[i][j] else { continue }
          pairs.append(
            CorrelatedPair(
              a: correlations.columns[i], b: correlations.columns[j], pearson: r,
              spearman: correlations.spearman[i][j]))
        }
      }
      pairs.sort { abs($0.pearson) > abs($1.pearson) }
    }
    return TableStatistics(
      source: source, format: format, rows: profile.rows, columnCount: columns.count,
      columns: columns, correlations: correlations, strongestPairs: Array(pairs.prefix(5)),
      duplicateRows: profile.duplicates.duplicates,
      duplicateRowsChecked: profile.duplicates.checked, warnings: warnings, charts: [],
      limits: .init(
        exactValues: profile.sizes.exactLimit, exactDistinct: profile.sizes.distinctLimit,
        sampleRows: profile.sizes.sampleRows))
  }

  static func percent(_ share: Double) -> String {
    let p = share * 100
    return p < 1 ? String(format: "%.1f %%", p) : String(format: "%.0f %%", p)
  }

  /// The kind over every batch, and why.
  static func kind(_ column: ColumnProfile, distinct: Int, distinctExact: Bool) -> (
    ColumnKind, String, mixedFrom: Int?
  ) {
    let count = column.rows - column.missing
    let kinds = Set(column.kindRows.filter { $0.value > 0 }.keys)
    if count == 0 { return (.text, "every value is missing", nil) }
    let numeric: Set<ColumnKind> = [.integer, .float]
    let temporal: Set<ColumnKind> = [.date, .datetime]
    let textual: Set<ColumnKind> = [.category, .text, .identifier]
    let unitNote = column.unit.map { " (unit \($0.rawValue) kept)" } ?? ""
    if kinds.isSubset(of: numeric) {
      return kinds.contains(.float)
        ? (.float, "every value is a number\(unitNote)", nil)
        : (.integer, "every value is a whole number\(unitNote)", nil)
    }
    if kinds.isSubset(of: temporal) {
      let layout = column.dateLayout.map { " (written like \($0))" } ?? ""
      return kinds.contains(.datetime)
        ? (.datetime, "every value is a date with a time\(layout)", nil)
        : (.date, "every value is a date\(layout)", nil)
    }
    if kinds == [.boolean] { return (.boolean, "every value is true or false", nil) }
    var mixedFrom: Int?
    if !kinds.isSubset(of: textual) {
      // Batches read differently: the first row of a batch read as text.
      mixedFrom = textual.compactMap { column.kindFirstRow[$0] }.min()
    }
    // Unique in every row: exactly, or within three standard errors of the estimate.
    let unique =
      distinctExact
      ? distinct == count
      : Double(count - distinct) <= 3 * HyperLogLog.standardError * Double(count)
    if kinds == [.identifier], unique {
      return (
        .identifier,
        (ColumnKind.nameLooksLikeIdentifier(column.name)
          ? "named like an id and unique in every row" : "unique in every row, without spaces")
          + (distinctExact ? "" : " (past 100,000 values, within HyperLogLog's error)"),
        mixedFrom
      )
    }
    if distinct <= Swift.min(60, Swift.max(2, count / 2)) {
      return (
        .category,
        "\(distinct) distinct values in \(NumberFormat.grouped(Int64(count))) rows (at most 60 and at most half the rows)",
        mixedFrom
      )
    }
    return (
      .text, "\(NumberFormat.grouped(Int64(distinct))) distinct values: too many for a category",
      mixedFrom
    )
  }

  private static func column(_ column: ColumnProfile, rows: Int) -> (
    ColumnStatistics, [AnalysisWarning]
  ) {
    // Sorted once: exact quantiles, outliers, date steps and the distinct numbers.
    let sorted = column.sketch.sortedValues()
    let (distinct, distinctExact) = column.distinct(sorted: sorted)
    let (kind, reason, mixedFrom) = self.kind(
      column, distinct: distinct, distinctExact: distinctExact)
    let count = column.rows - column.missing
    let tally = column.tally
    var stats = ColumnStatistics(
      name: column.name, kind: kind, kindReason: reason, count: count, missing: column.missing,
      distinct: distinct, distinctExact: distinctExact,
      distinctError: distinctExact ? nil : HyperLogLog.standardError)
    stats.unit = column.unit?.rawValue
    stats.dateLayout = kind.isTemporal ? column.dateLayout : nil
    var notes: [AnalysisWarning] = []
    let name = column.name
    let moments = column.moments
    let numericValues = kind.isNumeric || kind.isTemporal
    if numericValues, moments.count > 0 {
      let exact = column.sketch.isExact
      let weighted = sorted == nil ? column.sketch.weighted() : []
      func q(_ p: Double) -> Double {
        if let sorted { return Quantiles.of(count: sorted.count, p) { sorted[$0] } }
        return QuantileSketch.quantile(p, weighted: weighted, total: column.sketch.count)
      }
      let quartiles = (q(0.25), q(0.5), q(0.75))
      let value: (Double) -> StatValue = { v in
        kind.isTemporal
          ? .text(CivilDate.text(seconds: v, withTime: kind == .datetime)) : .number(v)
      }
      // Exact from the kept codes when it can be (the moments' mean is summed in floating point).
      stats.mean = value(column.sketch.exactMean ?? moments.mean)
      stats.min = value(moments.minimum)
      stats.p25 = value(quartiles.0)
      stats.p50 = value(quartiles.1)
      stats.p75 = value(quartiles.2)
      stats.max = value(moments.maximum)
      stats.quantilesExact = exact
      stats.rankError = column.sketch.rankError
      if kind.isNumeric {
        stats.std = moments.standardDeviation
        stats.skew = moments.skewness
        stats.zeros = moments.zeros
        stats.negatives = moments.negatives
        let iqr = quartiles.2 - quartiles.0
        let low = quartiles.0 - 1.5 * iqr
        let high = quartiles.2 + 1.5 * iqr
        if let sorted {
          stats.outliers =
            sorted.partitioningIndex { $0 >= low }
            + (sorted.count - sorted.partitioningIndex { $0 > high })
        } else {
          stats.outliers = weighted.reduce(0) {
            $0 + ($1.value < low || $1.value > high ? $1.weight : 0)
          }
        }
        // A few distinct numbers (ratings, discounts, counts): each value's rows, as
        // pandas' value_counts, most frequent first.
        if let sorted, distinct <= smallNumberValues, distinct * 2 <= count {
          // Each value's run found by a binary search for its end (a dozen values at most).
          var runs: [(value: Double, count: Int)] = []
          var start = 0
          while start < sorted.count {
            let v = sorted[start]
            let end = sorted.partitioningIndex { $0 > v }
            runs.append((v, end - start))
            start = end
          }
          runs.sort { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
          stats.topValues = runs.map { .init(value: NumberFormat.plain($0.value), count: $0.count) }
          stats.topExact = true
          stats.otherShare = 0
        }
      } else {
        if let sorted { (stats.granularity, stats.gaps, stats.largestGap) = steps(sorted) }
      }
      // Numbers and dates (edges in seconds since 1970; the report labels them as dates).
      stats.histogram =
        if let sorted {
          histogram(
            ChartScenes.bins(
              sortedCount: sorted.count, low: moments.minimum, high: moments.maximum,
              count: binCount(count)
            ) { sorted[$0] })
        } else {
          histogram(
            ChartScenes.bins(
              weighted, low: moments.minimum, high: moments.maximum, count: binCount(count)))
        }
    }
    if kind == .boolean {
      stats.mean = .number(moments.mean)
    }
    if !kind.isNumeric && !kind.isTemporal || kind == .boolean {
      let top = tally.top(topCount)
      if let first = top.first {
        stats.top = first.label.text
        stats.freq = first.count
      }
      if !top.isEmpty {
        stats.topValues = top.map { .init(value: $0.label.text, count: $0.count) }
        stats.topExact = tally.isExact
        let shown = top.reduce(0) { $0 + $1.count }
        stats.otherShare = count > 0 ? Double(count - shown) / Double(count) : 0
      }
    }
    if kind == .text || kind == .category || kind == .identifier, column.lengths.count > 0 {
      stats.lengthMin = column.lengths.minimum
      stats.lengthMean = column.lengths.mean
      stats.lengthMax = column.lengths.maximum
    }
    // Warnings.
    if let odd = column.firstOdd {
      notes.append(
        .init(
          column: name, kind: .mixedTypes,
          message:
            "\(name) mixes numbers and text: the first text is \"\(odd.text)\" at row \(odd.row); the column was read as \(kind.rawValue) (fix or blank that value to read it as numbers)"
        ))
    } else if let mixedFrom {
      notes.append(
        .init(
          column: name, kind: .mixedTypes,
          message:
            "\(name) holds numbers or dates in some rows and text from row \(mixedFrom) on; the column was read as \(kind.rawValue)"
        ))
    }
    if rows > 0 {
      if count == 0 {
        notes.append(.init(column: name, kind: .missing, message: "\(name) is empty in every row"))
      } else if Double(column.missing) >= 0.5 * Double(rows) {
        notes.append(
          .init(
            column: name, kind: .missing,
            message:
              "\(name) is missing in \(percent(Double(column.missing) / Double(rows))) of rows (\(NumberFormat.grouped(Int64(column.missing))) of \(NumberFormat.grouped(Int64(rows))))"
          ))
      }
    }
    if count > 1, stats.distinct == 1 {
      let value =
        tally.top(1).first?.label.text ?? stats.min?.shown ?? ""
      notes.append(
        .init(
          column: name, kind: .constant,
          message: "\(name) holds one value (\"\(value)\") in every row that has one"))
    }
    if kind == .text || kind == .category, count >= 20, kind != .identifier,
      Double(stats.distinct) >= 0.9 * Double(count)
    {
      notes.append(
        .init(
          column: name, kind: .nearUnique,
          message:
            "\(name) has \(NumberFormat.grouped(Int64(stats.distinct))) distinct values in \(NumberFormat.grouped(Int64(count))) rows: free text or a key, not a category"
        ))
    }
    if ColumnKind.nameLooksLikeIdentifier(name), kind != .identifier, count > 1,
      stats.distinct < count
    {
      notes.append(
        .init(
          column: name, kind: .suspiciousID,
          message:
            "\(name) is named like an id but values repeat (\(NumberFormat.grouped(Int64(stats.distinct))) distinct in \(NumberFormat.grouped(Int64(count))) rows)"
        ))
    } else if kind == .integer, count >= 20, distinctExact, stats.distinct == count,
      moments.maximum - moments.minimum + 1 == Double(count)
    {
      notes.append(
        .init(
          column: name, kind: .suspiciousID,
          message:
            "\(name) counts \(NumberFormat.plain(moments.minimum))…\(NumberFormat.plain(moments.maximum)) without a gap, like a row number; it is left out of the correlations and charts"
        ))
    }
    return (stats, notes)
  }

  /// Sturges' bin count for `count` values, 5…30.
  static func binCount(_ count: Int) -> Int {
    Swift.max(5, Swift.min(30, Int((log2(Double(Swift.max(count, 1))) + 1).rounded(.up))))
  }

  /// Equal-width bins from the minimum to the maximum (``binCount(_:)`` of them), as the
  /// statistics store them.
  static func histogram(_ binned: (edges: [Double], counts: [Int]))
    -> ColumnStatistics.Histogram
  {
    .init(edges: binned.edges, counts: binned.counts.map(Double.init))
  }

  /// The most common step between distinct times, the steps longer than it, the longest.
  ///
  /// In three passes over `sorted` and no array of steps (a step per row was two buffers of
  /// a row's size to fault in and sort): a step named must cover at least a quarter of the
  /// steps, and every such step is among the four candidates a Misra–Gries count keeps (it
  /// keeps each value seen more than a fifth of the time); the candidates are then counted
  /// exactly, the smaller step winning a tie.
  static func steps<Values: RandomAccessCollection>(_ sorted: Values) -> (String?, Int?, String?)
  where Values.Element == Double, Values.Index == Int {
    var candidates = (Double.nan, Double.nan, Double.nan, Double.nan)
    var weights = (0, 0, 0, 0)
    var count = 0
    var longest = 0.0
    forEachStep(sorted) { step in
      count += 1
      longest = max(longest, step)
      if candidates.0 == step {
        weights.0 += 1
      } else if candidates.1 == step {
        weights.1 += 1
      } else if candidates.2 == step {
        weights.2 += 1
      } else if candidates.3 == step {
        weights.3 += 1
      } else if weights.0 == 0 {
        (candidates.0, weights.0) = (step, 1)
      } else if weights.1 == 0 {
        (candidates.1, weights.1) = (step, 1)
      } else if weights.2 == 0 {
        (candidates.2, weights.2) = (step, 1)
      } else if weights.3 == 0 {
        (candidates.3, weights.3) = (step, 1)
      } else {
        weights = (weights.0 - 1, weights.1 - 1, weights.2 - 1, weights.3 - 1)
      }
    }
    guard count >= 2 else { return (nil, nil, nil) }
    let kept = [candidates.0, candidates.1, candidates.2, candidates.3].filter { !$0.isNaN }
    var exact = [Int](repeating: 0, count: kept.count)
    forEachStep(sorted) { step in
      for (i, candidate) in kept.enumerated() where candidate == step { exact[i] += 1 }
    }
    var step = longest
    var best = 0
    for (i, candidate) in kept.enumerated()
    where exact[i] > best || (exact[i] == best && candidate < step) {
      (step, best) = (candidate, exact[i])
    }
    // Times at no regular step (events): say so rather than name a chance step.
    if best * 4 < count { return ("irregular", nil, nil) }
    var gaps = 0
    var monthly = 0
    forEachStep(sorted) { value in
      if value > step * 1.5 { gaps += 1 }
      if value > 31 * 86_400 { monthly += 1 }
    }
    // Months and years differ in days: a step of 28–31 days is monthly, 365–366 yearly.
    if step >= 28 * 86_400, step <= 31 * 86_400 {
      return ("1 month", monthly, monthly > 0 ? duration(longest) : nil)
    }
    return (duration(step), gaps, gaps > 0 ? duration(longest) : nil)
  }

  /// Calls `body` with each step between distinct neighbours of `sorted`.
  @inline(__always)
  private static func forEachStep<Values: RandomAccessCollection>(
    _ sorted: Values, _ body: (Double) -> Void
  ) where Values.Element == Double, Values.Index == Int {
    guard var previous = sorted.first else { return }
    for i in (sorted.startIndex + 1)..<sorted.endIndex {
      let v = sorted[i]
      if v != previous {
        body(v - previous)
        previous = v
      }
    }
  }

  static func duration(_ seconds: Double) -> String {
    let units: [(Double, String)] = [
      (86_400 * 365, "year"), (86_400 * 7, "week"), (86_400, "day"), (3_600, "hour"),
      (60, "minute"), (1, "second"),
    ]
    for (size, name) in units
    where seconds >= size && seconds.truncatingRemainder(dividingBy: size) == 0 {
      let n = Int(seconds / size)
      return "\(n) \(name)\(n == 1 ? "" : "s")"
    }
    return "\(NumberFormat.short(seconds)) seconds"
  }

  /// Pearson from the co-moments of every row; Spearman from the sample's average ranks.
  static func correlations(_ profile: TableProfile, leaving skipped: Set<String>)
    -> Correlations?
  {
    let all = profile.numeric
    let keep = all.indices.filter { !skipped.contains(all[$0]) }
    guard keep.count >= 2 else { return nil }
    let n = all.count
    func pairIndex(_ i: Int, _ j: Int) -> Int {
      // Row-major upper triangle without the diagonal.
      i * n - i * (i + 1) / 2 + (j - i - 1)
    }
    var pearson = Array(repeating: [Double?](repeating: nil, count: keep.count), count: keep.count)
    var spearman = pearson
    var sampled: [Int: [Double]] = [:]
    for i in keep { sampled[i] = profile.sample.column(i) }
    // Ranks once per column when its sampled values are all present (the usual case); a pair
    // with gaps ranks its complete rows itself (pairwise complete, as pandas).
    var fullRanks: [Int: [Double]] = [:]
    for i in keep where sampled[i]!.allSatisfy({ !$0.isNaN }) {
      fullRanks[i] = ranks(sampled[i]!)
    }
    for (a, i) in keep.enumerated() {
      pearson[a][a] = 1
      spearman[a][a] = 1
      for (b, j) in keep.enumerated() where b > a {
        let r = profile.pairs[pairIndex(i, j)].pearson
        pearson[a][b] = r
        pearson[b][a] = r
        let rho: Double?
        if let rx = fullRanks[i], let ry = fullRanks[j] {
          rho = pearsonOf(rx, ry)
        } else {
          var xs: [Double] = []
          var ys: [Double] = []
          let (x, y) = (sampled[i]!, sampled[j]!)
          for r in x.indices where !x[r].isNaN && !y[r].isNaN {
            xs.append(x[r])
            ys.append(y[r])
          }
          rho = rankCorrelation(xs, ys)
        }
        spearman[a][b] = rho
        spearman[b][a] = rho
      }
    }
    for a in keep.indices {
      // A constant column has no correlation, not even with itself (as pandas: NaN).
      let column = profile.columns.first { $0.name == all[keep[a]] }
      if let column, column.moments.m2 == 0 {
        pearson[a][a] = nil
        spearman[a][a] = nil
      }
    }
    return Correlations(
      columns: keep.map { all[$0] }, pearson: pearson, spearman: spearman,
      spearmanExact: profile.sample.isComplete)
  }

  /// Pearson's r of the average ranks.
  static func rankCorrelation(_ xs: [Double], _ ys: [Double]) -> Double? {
    guard xs.count > 1 else { return nil }
    return pearsonOf(ranks(xs), ranks(ys))
  }

  static func pearsonOf(_ xs: [Double], _ ys: [Double]) -> Double? {
    guard xs.count > 1 else { return nil }
    var pair = CoMoments()
    xs.withUnsafeBufferPointer { x in ys.withUnsafeBufferPointer { y in pair.add(x, y) } }
    return pair.pearson
  }

  /// Each value's average rank (1-based; ties share the mean of their positions). The values
  /// are not NaN.
  static func ranks(_ values: [Double]) -> [Double] {
    let order = RadixSort.order(values)
    var ranks = [Double](repeating: 0, count: values.count)
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
      let average = Double(i + j) / 2 + 1
      for k in i...j { ranks[order[k]] = average }
      i = j + 1
    }
    return ranks
  }
}

extension RandomAccessCollection where Element == Double, Index == Int {
  /// The first index whose element satisfies `belongs` (the values are partitioned by it).
  func partitioningIndex(where belongs: (Double) -> Bool) -> Int {
    var low = startIndex
    var high = endIndex
    while low < high {
      let mid = (low + high) / 2
      if belongs(self[mid]) { high = mid } else { low = mid + 1 }
    }
    return low
  }
}
