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
    var grouped = Array(repeating: [Double](), count: labels.count)
    var rest: [Double] = []
    for row in groups.indices {
      let g = groups[row]
      let v = values[row]
      guard g >= 0, !v.isNaN else { continue }
      let target = mapping[g]
      if target >= 0 { grouped[target].append(v) } else { rest.append(v) }
    }
    for g in grouped.indices { moments[g].add(grouped[g]) }
    overflow.add(rest)
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
