/// Counts each distinct value of a column (by its ``StableHash``) in an open-addressing table,
/// exactly up to `limit` distinct values; past it the count of distinct values comes from a
/// ``HyperLogLog`` that saw every value, and values first seen after the limit are not counted
/// (the top values are then marked approximate).
struct ValueTally: Codable, Hashable, Sendable {
  /// A value as shown: the text, or the number.
  enum Label: Codable, Hashable, Sendable {
    case text(String)
    case number(Double)
  }

  let limit: Int
  /// Whether counts and labels are kept (top values); without them only the distinct values
  /// are counted, in an eighth of the memory.
  let labelled: Bool
  private var keys: [UInt64]
  private var counts: [Int]
  private var labels: [Label?]
  private(set) var size = 0
  /// Whether a value was left uncounted because the table was full.
  private(set) var saturated = false
  private(set) var sketch = HyperLogLog()
  /// Values added, counted or not.
  private(set) var total = 0

  init(limit: Int, labelled: Bool = true) {
    self.limit = limit
    self.labelled = labelled
    keys = [UInt64](repeating: 0, count: 64)
    counts = labelled ? [Int](repeating: 0, count: 64) : []
    labels = labelled ? [Label?](repeating: nil, count: 64) : []
  }

  /// Adds `count` occurrences of the value with `hash`; `label` makes its shown form (asked
  /// only for a value not seen before).
  @inline(__always)
  mutating func add(_ hash: UInt64, count: Int = 1, label: () -> Label) {
    total += count
    sketch.add(hash)
    let key = hash == 0 ? 1 : hash
    let capacity = keys.count
    var slot = HashSlots.home(key, capacity)
    while true {
      let k = keys[slot]
      if k == key {
        if labelled { counts[slot] += count }
        return
      }
      if k == 0 { break }
      slot += 1
      if slot == capacity { slot = 0 }
    }
    guard size < limit else {
      saturated = true
      return
    }
    keys[slot] = key
    if labelled {
      counts[slot] = count
      labels[slot] = label()
    }
    size += 1
    if HashSlots.isFull(size, keys.count) { grow() }
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldCounts = counts
    let oldLabels = labels
    let capacity = HashSlots.grown(keys.count)
    keys = [UInt64](repeating: 0, count: capacity)
    counts = labelled ? [Int](repeating: 0, count: capacity) : []
    labels = labelled ? [Label?](repeating: nil, count: capacity) : []
    for i in oldKeys.indices where oldKeys[i] != 0 {
      var slot = HashSlots.home(oldKeys[i], capacity)
      while keys[slot] != 0 {
        slot += 1
        if slot == capacity { slot = 0 }
      }
      keys[slot] = oldKeys[i]
      if labelled {
        counts[slot] = oldCounts[i]
        labels[slot] = oldLabels[i]
      }
    }
  }

  /// Adds another tally's values (another batch or shard of the same column).
  mutating func merge(_ other: ValueTally) {
    var added = 0
    for i in other.keys.indices where other.keys[i] != 0 {
      let count = other.labelled ? other.counts[i] : 1
      added += count
      add(other.keys[i], count: count) {
        other.labelled ? other.labels[i] ?? .text("") : .text("")
      }
    }
    // `add` counted the other's values and registers again: set them from the other.
    total += other.total - added
    sketch.merge(other.sketch)
    saturated = saturated || other.saturated
  }

  /// Whether ``distinct`` is exact.
  var isExact: Bool { !saturated }

  /// The number of distinct values: exact, or HyperLogLog's estimate past the limit.
  var distinct: Int { saturated ? max(size, Int(sketch.estimate.rounded())) : size }

  /// The `n` most frequent values, most frequent first (ties: the smaller label first, so the
  /// order is the same however the rows were split).
  func top(_ n: Int) -> [(label: Label, count: Int)] {
    guard labelled else { return [] }
    func before(_ a: (label: Label, count: Int), _ b: (label: Label, count: Int)) -> Bool {
      a.count != b.count ? a.count > b.count : a.label < b.label
    }
    // The n best kept sorted while scanning: no sort of every entry (100,000 for an id).
    var best: [(label: Label, count: Int)] = []
    best.reserveCapacity(n + 1)
    for i in keys.indices where keys[i] != 0 {
      if best.count == n, let last = best.last, counts[i] < last.count { continue }
      let entry = (labels[i]!, counts[i])
      if best.count == n, let last = best.last, !before(entry, last) { continue }
      let at = best.firstIndex { before(entry, $0) } ?? best.count
      best.insert(entry, at: at)
      if best.count > n { best.removeLast() }
    }
    return best
  }

  /// Every counted value with its count (for small tallies: booleans, dates' days).
  var all: [(label: Label, count: Int)] { top(size) }
}

extension ValueTally.Label: Comparable {
  static func < (a: Self, b: Self) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): x < y
    case (.text(let x), .text(let y)): x < y
    case (.number, .text): true
    case (.text, .number): false
    }
  }

  /// The value as text.
  var text: String {
    switch self {
    case .text(let t): t
    case .number(let n): NumberFormat.plain(n)
    }
  }
}

extension ValueTally {
  /// Whether a decoded tally (a partial state file) is one this code could have made: a
  /// table at most three quarters full, counts and labels beside every key when labelled.
  var isWellFormed: Bool {
    guard keys.count >= 64, !HashSlots.isFull(size, keys.count), sketch.isWellFormed
    else { return false }
    guard labelled else { return counts.isEmpty && labels.isEmpty }
    guard counts.count == keys.count, labels.count == keys.count else { return false }
    return keys.indices.allSatisfy { keys[$0] == 0 || (labels[$0] != nil && counts[$0] > 0) }
  }
}
