/// The rows seen, by a 64-bit hash of all their cells, to count duplicated rows (a row equal
/// to an earlier one, as pandas' `duplicated().sum()`), for the first `limit` rows.
///
/// Rows known to differ from every earlier row (the caller saw a column rise strictly from
/// the first row on: an id, a time stamp) are only listed, not looked up: a table of them is
/// made only if later rows could repeat one. Most tables keep such a column to the end, and
/// then no table is made at all (200,000 rows: 1.6 MB listed in order against a 2.4 MB table
/// probed at random).
struct RowSet: Codable, Hashable, Sendable {
  let limit: Int
  private var keys: [UInt64] = [UInt64](repeating: 0, count: 1024)
  private(set) var size = 0
  /// Rows checked.
  private(set) var checked = 0
  private(set) var duplicates = 0
  /// The hashes of the rows known distinct, not in ``keys`` (only while ``size`` is 0).
  private var distinct: [UInt64] = []
  /// The rows ``reserve(rows:)`` foretold, for the table once one is made.
  private var expected = 0

  init(limit: Int) { self.limit = limit }

  /// Whether every row was checked.
  var isComplete: Bool { overflow == 0 }
  /// Rows past the limit, not checked.
  private(set) var overflow = 0

  mutating func add(_ hash: UInt64) { add(contentsOf: CollectionOfOne(hash), distinct: false) }

  /// Foretells `rows` rows (up to the limit): the table, once made, is made that size at once
  /// (without the 14 growths on the way to 200,000 rows), and the list of distinct rows has
  /// room for them.
  mutating func reserve(rows: Int) {
    guard size == 0, distinct.isEmpty else { return }
    expected = min(rows, limit)
    distinct.reserveCapacity(expected)
  }

  private mutating func makeTable(rows: Int) {
    let wanted = min(rows, limit) * 4 / 3 + 1
    var capacity = keys.count
    while capacity < wanted { capacity = HashSlots.grown(capacity) }
    if capacity > keys.count { keys = [UInt64](repeating: 0, count: capacity) }
  }

  /// Adds rows by their hashes; with `distinct`, the caller knows each differs from every
  /// earlier row and from the others.
  mutating func add<Hashes: RandomAccessCollection>(contentsOf hashes: Hashes, distinct: Bool)
  where Hashes.Element == UInt64, Hashes.Index == Int {
    if distinct, size == 0 {
      let kept = min(hashes.count, limit - self.distinct.count)
      self.distinct.append(contentsOf: hashes.prefix(kept))
      checked += kept
      overflow += hashes.count - kept
      return
    }
    if size == 0 {
      makeTable(rows: max(expected, self.distinct.count + hashes.count))
      // Listed rows go in as they are: none repeats another. Each counted as checked already.
      let listed = self.distinct
      self.distinct = []
      checked -= listed.count
      add(contentsOf: listed)
    }
    add(contentsOf: hashes)
  }

  /// Adds rows by their hashes, probing a plain buffer between the table's growths.
  private mutating func add<Hashes: RandomAccessCollection>(contentsOf hashes: Hashes)
  where Hashes.Element == UInt64, Hashes.Index == Int {
    var next = hashes.startIndex
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { early in
      while next < hashes.endIndex {
        var full = false
        let capacity = keys.count
        keys.withUnsafeMutableBufferPointer { keys in
          var chunkStart = next
          var chunkEnd = next
          while next < hashes.endIndex, !full {
            // The home slots of the next 16 rows are read first, independently of one
            // another, so that their cache misses overlap; a row whose key was already home
            // is a duplicate at once (keys are never removed), the others probe as usual.
            if next == chunkEnd {
              chunkStart = next
              chunkEnd = min(next + 16, hashes.endIndex)
              for i in chunkStart..<chunkEnd {
                let hash = hashes[i]
                early[i - chunkStart] = keys[HashSlots.home(hash == 0 ? 1 : hash, capacity)]
              }
            }
            let hash = hashes[next]
            let key = hash == 0 ? 1 : hash
            var slot = HashSlots.home(key, capacity)
            var found = early[next - chunkStart] == key
            next += 1
            while !found {
              let k = keys[slot]
              if k == key {
                found = true
                break
              }
              if k == 0 { break }
              slot += 1
              if slot == capacity { slot = 0 }
            }
            if found {
              duplicates += 1
              checked += 1
            } else if size < limit {
              checked += 1
              keys[slot] = key
              size += 1
              full = HashSlots.isFull(size, capacity)
            } else {
              overflow += 1
            }
          }
        }
        if full { grow() }
      }
    }
  }

  private mutating func grow() {
    let old = keys
    keys = [UInt64](repeating: 0, count: HashSlots.grown(old.count))
    let capacity = keys.count
    keys.withUnsafeMutableBufferPointer { keys in
      old.withUnsafeBufferPointer { old in
        for key in old where key != 0 {
          var slot = HashSlots.home(key, capacity)
          while keys[slot] != 0 {
            slot += 1
            if slot == capacity { slot = 0 }
          }
          keys[slot] = key
        }
      }
    }
  }

  /// Adds another shard's rows: its duplicates, and its rows that repeat one of these.
  mutating func merge(_ other: RowSet) {
    duplicates += other.duplicates
    overflow += other.overflow
    checked += other.checked - other.size - other.distinct.count
    add(contentsOf: other.keys.filter { $0 != 0 } + other.distinct, distinct: false)
  }
}

extension RowSet {
  /// Whether a decoded set is a table this code could have made.
  var isWellFormed: Bool {
    keys.count >= 1024 && !HashSlots.isFull(size, keys.count) && size <= limit
      && (distinct.isEmpty || size == 0) && size + distinct.count <= limit && expected >= 0
  }
}
