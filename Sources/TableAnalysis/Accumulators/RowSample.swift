/// A uniform sample of rows (reservoir sampling, seeded, so runs repeat) holding the numeric
/// columns chosen for correlations: the scatter chart's points and Spearman's ranks.
struct RowSample: Hashable, Sendable {
  let capacity: Int
  /// The sampled rows back to back, ``width`` numbers each (NaN for missing): one array, so
  /// a replacing row is written in place (20,000 arrays of their own cost a cache miss each).
  private var values: [Double] = []
  /// Numbers per row (the chosen columns), set by the first rows offered.
  private(set) var width = 0
  /// Rows held.
  private(set) var count = 0
  /// Rows offered.
  private(set) var seen = 0
  private var state: UInt64
  /// False when a decoded state's rows were not all ``width`` long.
  private var widthsAgree = true

  init(capacity: Int, seed: UInt64 = 42) {
    self.capacity = capacity
    state = seed
  }

  /// The sampled rows, one array each (for the charts and the merge; the statistics read
  /// ``column(_:)``).
  var rows: [[Double]] {
    (0..<count).map { r in Array(values[r * width..<(r + 1) * width]) }
  }

  /// The sampled values of one chosen column, in sample order.
  func column(_ c: Int) -> [Double] {
    (0..<count).map { values[$0 * width + c] }
  }

  private mutating func next() -> UInt64 { Self.next(&state) }

  /// SplitMix64's step.
  @inline(__always)
  private static func next(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// Offers `count` rows, the values of each chosen column in `columns` (a row that replaces
  /// a sampled one is written over it).
  mutating func offer(count rowsOffered: Int, columns: [[Double]]) {
    if width == 0, count == 0 {
      width = columns.count
      // Room for the whole sample at once (untouched room costs no memory): no copies as
      // it fills.
      values.reserveCapacity(capacity * width)
    }
    guard columns.count == width else { return }
    let w = width
    var i = 0
    while i < rowsOffered, count < capacity {
      for c in 0..<w { values.append(columns[c][i]) }
      count += 1
      seen += 1
      i += 1
    }
    guard i < rowsOffered else { return }
    var seen = self.seen
    var state = self.state
    values.withUnsafeMutableBufferPointer { values in
      while i < rowsOffered {
        // The slot from the high half of a 128-bit product (no 64-bit division per row).
        let j = Int(Self.next(&state).multipliedFullWidth(by: UInt64(seen + 1)).high)
        if j < capacity {
          for c in 0..<w { values[j * w + c] = columns[c][i] }
        }
        seen += 1
        i += 1
      }
    }
    self.seen = seen
    self.state = state
  }

  /// Merges another shard's sample: each slot drawn from either side in proportion to the rows
  /// each saw.
  mutating func merge(_ other: RowSample) {
    let total = seen + other.seen
    if width == 0, count == 0 { width = other.width }
    if count + other.count <= capacity {
      values += other.values
      count += other.count
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
    values = merged.flatMap { $0 }
    count = merged.count
    seen = total
  }

  /// Whether every row is in the sample.
  var isComplete: Bool { count == seen }
}

extension RowSample: Codable {
  private enum CodingKeys: String, CodingKey { case capacity, rows, seen, state }

  /// Written as before the rows were held back to back: one array of numbers per row.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    capacity = try container.decode(Int.self, forKey: .capacity)
    seen = try container.decode(Int.self, forKey: .seen)
    state = try container.decode(UInt64.self, forKey: .state)
    let rows = try container.decode([[Double]].self, forKey: .rows)
    count = rows.count
    width = rows.first?.count ?? 0
    // Rows of another width make the sample ill-formed (isWellFormed), not a trap.
    widthsAgree = rows.allSatisfy { $0.count == width }
    values = widthsAgree ? rows.flatMap { $0 } : []
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(capacity, forKey: .capacity)
    try container.encode(rows, forKey: .rows)
    try container.encode(seen, forKey: .seen)
    try container.encode(state, forKey: .state)
  }
}

extension RowSample {
  /// Whether a decoded sample holds at most its capacity of rows of `width` numbers.
  func isWellFormed(width: Int) -> Bool {
    capacity > 0 && count <= capacity && count <= seen && widthsAgree
      && (count == 0 || self.width == width) && values.count == count * self.width
  }
}
