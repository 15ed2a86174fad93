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
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: key) & mask
    while true {
      let k = keys[slot]
      if k == key {
        duplicates += 1
        checked += 1
        return
      }
      if k == 0 { break }
      slot = (slot + 1) & mask
    }
    guard size < limit else {
      overflow += 1
      return
    }
    checked += 1
    keys[slot] = key
    size += 1
    if size * 2 > keys.count { grow() }
  }

  private mutating func grow() {
    let old = keys
    keys = [UInt64](repeating: 0, count: old.count * 2)
    let mask = keys.count - 1
    for key in old where key != 0 {
      var slot = Int(truncatingIfNeeded: key) & mask
      while keys[slot] != 0 { slot = (slot + 1) & mask }
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
  /// Whether a decoded set is a power-of-two table this code could have made.
  var isWellFormed: Bool {
    keys.count >= 1024 && keys.count & (keys.count - 1) == 0 && size <= keys.count / 2
      && size <= limit
  }
}
