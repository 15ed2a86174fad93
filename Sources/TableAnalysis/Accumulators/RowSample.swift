/// A uniform sample of rows (reservoir sampling, seeded, so runs repeat) holding the numeric
/// columns chosen for correlations: the scatter chart's points and Spearman's ranks.
struct RowSample: Codable, Hashable, Sendable {
  let capacity: Int
  /// One row per sample, one number per chosen column (NaN for missing).
  private(set) var rows: [[Double]] = []
  /// Rows offered.
  private(set) var seen = 0
  private var state: UInt64

  init(capacity: Int, seed: UInt64 = 42) {
    self.capacity = capacity
    state = seed
  }

  private mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// Offers `count` rows, the values of each chosen column in `columns` (a row that replaces
  /// a sampled one is written over it, not allocated).
  mutating func offer(count: Int, columns: [[Double]]) {
    for i in 0..<count {
      if rows.count < capacity {
        rows.append(columns.map { $0[i] })
      } else {
        // The slot from the high half of a 128-bit product (no 64-bit division per row).
        let j = Int(next().multipliedFullWidth(by: UInt64(seen + 1)).high)
        if j < capacity {
          rows[j].withUnsafeMutableBufferPointer { row in
            for c in columns.indices { row[c] = columns[c][i] }
          }
        }
      }
      seen += 1
    }
  }

  /// Merges another shard's sample: each slot drawn from either side in proportion to the rows
  /// each saw.
  mutating func merge(_ other: RowSample) {
    let total = seen + other.seen
    if rows.count + other.rows.count <= capacity {
      rows += other.rows
      seen = total
      return
    }
    var mine = rows
    var theirs = other.rows
    var merged: [[Double]] = []
    merged.reserveCapacity(capacity)
    while merged.count < capacity, !(mine.isEmpty && theirs.isEmpty) {
      let fromMine =
        theirs.isEmpty
        || (!mine.isEmpty && Double(next() % 1_000_000) / 1e6 < Double(seen) / Double(total))
      merged.append(fromMine ? mine.removeLast() : theirs.removeLast())
    }
    rows = merged
    seen = total
  }

  /// Whether every row is in the sample.
  var isComplete: Bool { rows.count == seen }
}

extension RowSample {
  /// Whether a decoded sample holds at most its capacity of rows of `width` numbers.
  func isWellFormed(width: Int) -> Bool {
    capacity > 0 && rows.count <= capacity && rows.count <= seen
      && rows.allSatisfy { $0.count == width }
  }
}
