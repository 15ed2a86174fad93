/// A measure by the values of a category column: per group the rows, mean and Σ(x − mean)²
/// (merged as ``Moments`` are), for the bar of means and the share of the measure's variance
/// the groups explain (η²).
struct GroupMeans: Codable, Hashable, Sendable {
  static let maxGroups = 60
  let category: String
  let measure: String
  private(set) var labels: [String] = []
  private(set) var moments: [Moments] = []
  /// Rows whose category came after the first ``maxGroups`` values.
  private(set) var overflow = Moments()

  init(category: String, measure: String) {
    self.category = category
    self.measure = measure
  }

  /// Adds a batch: each row's group (its category's text, `nil` when missing) and measure.
  mutating func add(groups: [Int], labels batchLabels: [String], values: [Double]) {
    var mapping = [Int](repeating: -1, count: batchLabels.count)
    for (i, label) in batchLabels.enumerated() {
      if let known = labels.firstIndex(of: label) {
        mapping[i] = known
      } else if labels.count < Self.maxGroups {
        labels.append(label)
        moments.append(Moments())
        mapping[i] = labels.count - 1
      }
    }
    // One pass of shifted sums per group (no array of values per group), then merged: each
    // group's five sums side by side, over plain buffers.
    let slots = labels.count + 1  // the last: rows past the first maxGroups values
    // Two sets of sums, for even and odd rows, added at the end: a category of two or three
    // values (yes/no) otherwise makes every row wait for the previous row's addition.
    var sums = [Sums](repeating: Sums(), count: 2 * slots)
    let shift = values.first { !$0.isNaN } ?? 0
    sums.withUnsafeMutableBufferPointer { sums in
      mapping.withUnsafeBufferPointer { mapping in
        groups.withUnsafeBufferPointer { groups in
          values.withUnsafeBufferPointer { values in
            for row in 0..<min(groups.count, values.count) {
              let g = groups[row]
              let v = values[row]
              guard g >= 0, g < mapping.count, !v.isNaN else { continue }
              let target = 2 * (mapping[g] >= 0 ? mapping[g] : slots - 1) + (row & 1)
              let d = v - shift
              sums[target].count += 1
              sums[target].sum += d
              sums[target].squares += d * d
            }
          }
        }
      }
    }
    sums = (0..<slots).map { g in
      let (a, b) = (sums[2 * g], sums[2 * g + 1])
      return Sums(count: a.count + b.count, sum: a.sum + b.sum, squares: a.squares + b.squares)
    }
    let counts = sums.map(\.count)
    for g in 0..<slots where counts[g] > 0 {
      let n = Double(counts[g])
      let s = sums[g]
      // No minimum or maximum: a group's mean and spread are what the bars and η² use.
      let batch = Moments(
        count: s.count, mean: shift + s.sum / n, m2: max(0, s.squares - s.sum * s.sum / n),
        minimum: .infinity, maximum: -.infinity)
      if g == slots - 1 { overflow.merge(batch) } else { moments[g].merge(batch) }
    }
  }

  /// A group's shifted sums within a batch.
  private struct Sums {
    var count = 0
    var sum = 0.0
    var squares = 0.0
  }

  mutating func merge(_ other: GroupMeans) {
    for (i, label) in other.labels.enumerated() {
      if let known = labels.firstIndex(of: label) {
        moments[known].merge(other.moments[i])
      } else if labels.count < Self.maxGroups {
        labels.append(label)
        moments.append(other.moments[i])
      } else {
        overflow.merge(other.moments[i])
      }
    }
    overflow.merge(other.overflow)
  }

  /// The share of the measure's variance between the groups' means (0…1).
  var etaSquared: Double {
    var all = overflow
    for m in moments { all.merge(m) }
    guard all.count > 1, all.m2 > 0 else { return 0 }
    var within = overflow.m2
    for m in moments { within += m.m2 }
    return max(0, min(1, 1 - within / all.m2))
  }
}

extension GroupMeans {
  /// Whether decoded groups line up: one label per group, at most the limit.
  var isWellFormed: Bool {
    labels.count == moments.count && labels.count <= Self.maxGroups
  }
}
