/// The rows seen, by a 64-bit hash of all their cells, to count duplicated rows (a row equal
/// to an earlier one, as pandas' `duplicated().sum()`), for the first `limit` rows.
struct RowSet: Codable, Hashable, Sendable {
  let limit: Int
  private var keys: [UInt64] = [UInt64](repeating: 0, count: 1024)
  private(set) var size = 0
  /// Rows checked.
  private(set) var checked = 0
  private(set) var duplicates = 0

  init(limit: Int) { self.limit = limit }

  /// Whether every row was checked.
  var isComplete: Bool { overflow == 0 }
  /// Rows past the limit, not checked.
  private(set) var overflow = 0

  mutating func add(_ hash: UInt64) {
    let key = hash == 0 ? 1 : hash
    let capacity = keys.count
    var slot = HashSlots.home(key, capacity)
    while true {
      let k = keys[slot]
      if k == key {
        duplicates += 1
        checked += 1
        return
      }
      if k == 0 { break }
      slot += 1
      if slot == capacity { slot = 0 }
    }
    guard size < limit else {
      overflow += 1
      return
    }
    checked += 1
    keys[slot] = key
    size += 1
    if HashSlots.isFull(size, capacity) { grow() }
  }

  private mutating func grow() {
    let old = keys
    keys = [UInt64](repeating: 0, count: HashSlots.grown(old.count))
    let capacity = keys.count
    for key in old where key != 0 {
      var slot = HashSlots.home(key, capacity)
      while keys[slot] != 0 {
        slot += 1
        if slot == capacity { slot = 0 }
      }
      keys[slot] = key
    }
  }

  /// Adds another shard's rows: its duplicates, and its rows that repeat one of these.
  mutating func merge(_ other: RowSet) {
    duplicates += other.duplicates
    overflow += other.overflow
    checked += other.checked - other.size
    for key in other.keys where key != 0 { add(key) }
  }
}

extension RowSet {
  /// Whether a decoded set is a table this code could have made.
  var isWellFormed: Bool {
    keys.count >= 1024 && !HashSlots.isFull(size, keys.count) && size <= limit
  }
}
