/// Row and column orders: as given, by mean, or by hierarchical clustering.
enum HeatmapOrdering {
  /// Most distance work clustering may do (vectors² × length).
  static let clusterWorkLimit = 1_500_000_000

  /// The order of the rows and of the columns.
  static func orders(_ grid: HeatmapGrid, _ order: HeatmapOrder) throws(HeatmapError) -> (
    rows: [Int], columns: [Int]
  ) {
    let rows = grid.rowCount
    let columns = grid.columnCount
    let rowVectors = { (r: Int) in (0..<columns).map { grid[r, $0] } }
    let columnVectors = { (c: Int) in (0..<rows).map { grid[$0, c] } }
    switch order {
    case .given:
      return (Array(0..<rows), Array(0..<columns))
    case .sort:
      return (
        byMean((0..<rows).map(rowVectors)), byMean((0..<columns).map(columnVectors))
      )
    case .cluster:
      for (count, length, what) in [(rows, columns, "rows"), (columns, rows, "columns")]
      where count * count * length > clusterWorkLimit {
        throw .limitExceeded(
          "clustering \(count) \(what) of \(length) values is too much work for one call; use order sort, or aggregate first"
        )
      }
      return (
        cluster((0..<rows).map(rowVectors)), cluster((0..<columns).map(columnVectors))
      )
    }
  }

  /// Indices by mean of the present values, largest first (ties and empty ones keep their
  /// place, empty ones last).
  static func byMean(_ vectors: [[Double]]) -> [Int] {
    let means = vectors.map { v -> Double in
      let present = v.filter { !$0.isNaN }
      return present.isEmpty ? -.infinity : present.reduce(0, +) / Double(present.count)
    }
    return vectors.indices.sorted { means[$0] != means[$1] ? means[$0] > means[$1] : $0 < $1 }
  }

  /// The leaf order of an average-linkage clustering on Euclidean distances (missing values
  /// left out and the sum scaled to the full length), found with the nearest-neighbour chain;
  /// each merge puts the cluster holding the earlier index first.
  static func cluster(_ vectors: [[Double]]) -> [Int] {
    let n = vectors.count
    guard n > 2 else { return Array(0..<n) }
    var distance = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in (i + 1)..<n {
        let d = Self.distance(vectors[i], vectors[j])
        distance[i * n + j] = d
        distance[j * n + i] = d
      }
    }
    // Clusters live in slots 0..<n; a merged pair keeps the lower slot.
    var size = [Int](repeating: 1, count: n)
    var members: [[Int]] = (0..<n).map { [$0] }
    var active = [Bool](repeating: true, count: n)
    var remaining = n
    var chain: [Int] = []
    while remaining > 1 {
      if chain.isEmpty { chain.append(active.firstIndex(of: true)!) }
      let a = chain[chain.count - 1]
      var best = -1
      var bestDistance = Double.infinity
      // Prefer the previous chain element on ties, so the chain ends.
      if chain.count >= 2 {
        best = chain[chain.count - 2]
        bestDistance = distance[a * n + best]
      }
      for b in 0..<n where active[b] && b != a {
        let d = distance[a * n + b]
        if d < bestDistance {
          bestDistance = d
          best = b
        }
      }
      if chain.count >= 2, best == chain[chain.count - 2] {
        chain.removeLast(2)
        let (keep, gone) = (min(a, best), max(a, best))
        for k in 0..<n where active[k] && k != keep && k != gone {
          let merged =
            (Double(size[keep]) * distance[keep * n + k] + Double(size[gone])
              * distance[gone * n + k]) / Double(size[keep] + size[gone])
          distance[keep * n + k] = merged
          distance[k * n + keep] = merged
        }
        let first = members[keep].min()! < members[gone].min()!
        members[keep] = first ? members[keep] + members[gone] : members[gone] + members[keep]
        members[gone] = []
        size[keep] += size[gone]
        active[gone] = false
        remaining -= 1
      } else {
        chain.append(best)
      }
    }
    return members[active.firstIndex(of: true)!]
  }

  /// Euclidean distance over the positions both vectors have, scaled to the full length.
  static func distance(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    var shared = 0
    for k in a.indices where !a[k].isNaN && !b[k].isNaN {
      let d = a[k] - b[k]
      sum += d * d
      shared += 1
    }
    guard shared > 0 else { return 1e300 }
    return (sum * Double(a.count) / Double(shared)).squareRoot()
  }
}
