/// A column's values for quantiles: every value while there are at most `exactLimit` (exact
/// quantiles, histograms and outlier counts), then a mergeable compacting sketch in the
/// manner of KLL: level *h* holds values of weight 2ʰ; a level over `capacity` is sorted and
/// every other value (alternating offsets) moves up with double weight.
///
/// Each compaction at level *h* moves any rank by at most 2ʰ, so the sum of those weights
/// (``errorWeight``) bounds the rank error of every answer; ``rankError`` states it as a share
/// of the values.
struct QuantileSketch: Codable, Hashable, Sendable {
  let exactLimit: Int
  let capacity: Int
  /// The weighted levels once values are dropped (level 0 empty while every value is kept).
  private(set) var levels: [[Double]] = [[]]
  /// Every value, while they are all kept.
  private var exact = ExactValues()
  private(set) var count = 0
  private(set) var errorWeight = 0
  private var compactions = 0
  /// Whether the exact values are in order (``sortInPlace()``; any addition clears it).
  private var sorted = false

  init(exactLimit: Int, capacity: Int = 65_536) {
    self.exactLimit = exactLimit
    self.capacity = max(2, min(capacity, exactLimit))
  }

  /// Whether every value is still held.
  var isExact: Bool { levels.count == 1 }

  /// The values' mean computed exactly from the held codes (``ExactValues/exactMean``), while
  /// every value is held.
  var exactMean: Double? { isExact ? exact.exactMean : nil }

  /// Makes room at once for `rows` values (up to the exact limit) in the empty exact store,
  /// rather than growing it by half on the way.
  mutating func reserve(_ rows: Int) {
    guard isExact, exact.isEmpty, rows > 0 else { return }
    exact.reserveCapacity(min(rows, exactLimit))
  }

  /// The rank error bound as a share of the values (0 while exact).
  var rankError: Double { count == 0 ? 0 : Double(errorWeight) / Double(count) }

  mutating func add<C: Collection>(_ values: C) where C.Element == Double {
    sorted = false
    if isExact {
      exact.append(contentsOf: values)
    } else {
      levels[0].append(contentsOf: values)
    }
    count += values.count
    settle()
  }

  mutating func merge(_ other: QuantileSketch) {
    sorted = false
    if isExact, other.isExact {
      exact.append(contentsOf: other.exact.values())
    } else {
      spill()
      var other = other
      other.spill()
      while levels.count < other.levels.count { levels.append([]) }
      for (h, level) in other.levels.enumerated() { levels[h].append(contentsOf: level) }
    }
    count += other.count
    errorWeight += other.errorWeight
    settle()
  }

  /// Moves the kept values into level 0, as the sketch holds them once values are dropped.
  private mutating func spill() {
    guard !exact.isEmpty else { return }
    levels[0].append(contentsOf: exact.values())
    exact = ExactValues()
  }

  private mutating func settle() {
    if isExact, exact.count <= exactLimit { return }
    spill()
    var h = 0
    while h < levels.count {
      if levels[h].count > capacity || (h == 0 && isExact) { compact(h) }
      h += 1
    }
  }

  private mutating func compact(_ h: Int) {
    var items = levels[h]
    items.sort()
    var kept: Double?
    if items.count % 2 == 1 { kept = items.removeLast() }
    let offset = compactions & 1
    compactions += 1
    if levels.count == h + 1 { levels.append([]) }
    levels[h + 1].reserveCapacity(levels[h + 1].count + items.count / 2)
    var i = offset
    while i < items.count {
      levels[h + 1].append(items[i])
      i += 2
    }
    levels[h] = kept.map { [$0] } ?? []
    errorWeight += 1 << h
  }

  /// The values sorted with their weights.
  func weighted() -> [(value: Double, weight: Int)] {
    var items: [(value: Double, weight: Int)] = exact.values().map { ($0, 1) }
    for (h, level) in levels.enumerated() {
      for v in level { items.append((v, 1 << h)) }
    }
    items.sort { $0.value < $1.value }
    return items
  }

  /// Every value, unsorted (exact mode only).
  var exactValues: [Double]? { isExact ? exact.values() : nil }

  /// The values sorted (exact mode only), read where they are held.
  func sortedValues() -> SortedValues? {
    guard isExact else { return nil }
    if sorted { return exact.view }
    var copy = exact
    copy.sort()
    return copy.view
  }

  /// Sorts the exact values where they are (no second copy of them at the peak of memory).
  mutating func sortInPlace() {
    guard isExact, !sorted else { return }
    exact.sort()
    sorted = true
  }

  /// The `q` quantile from the sketch's weighted values: the value at that rank (exact values
  /// go through Charting's `Quantiles`, pandas' linear interpolation).
  static func quantile(_ q: Double, weighted items: [(value: Double, weight: Int)], total: Int)
    -> Double
  {
    let rank = q * Double(total - 1)
    var cumulative = 0
    for item in items {
      cumulative += item.weight
      if Double(cumulative) > rank { return item.value }
    }
    return items.last!.value
  }
}

extension QuantileSketch {
  /// Whether a decoded sketch is consistent: at least one level, weights that fit, values
  /// that are numbers, the count equal to the weight held.
  var isWellFormed: Bool {
    guard !levels.isEmpty, levels.count < 60, capacity >= 2, exactLimit >= capacity else {
      return false
    }
    var weight = exact.count
    guard isExact || exact.isEmpty, exact.values().allSatisfy({ !$0.isNaN }) else { return false }
    for (h, level) in levels.enumerated() {
      guard level.allSatisfy({ !$0.isNaN }) else { return false }
      weight += level.count << h
    }
    return weight == count && errorWeight >= 0
  }
}
