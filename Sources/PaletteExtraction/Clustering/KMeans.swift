internal import LumenCore

/// Weighted k-means with k-means++ seeding from a seeded generator.
///
/// Points are histogram bins in a perceptual space, weighted by their pixel counts, so the
/// result minimises the squared perceptual error over the pixels the bins stand for.
enum KMeans {
  /// Lloyd iterations each initialisation gets before the best is chosen.
  static let screeningIterations = 8

  struct Result {
    var centers: [SIMD4<Float>]
    var assignment: [Int]
    /// Sum over points of weight × squared distance to the assigned centre.
    var weightedError: Double
  }

  /// The best of `initializations` runs (lowest weighted error).
  static func cluster(
    points: [SIMD4<Float>], weights: [Float], k: Int, seed: UInt64, initializations: Int,
    maxIterations: Int = 100, tolerance: Float = 1e-3
  ) -> Result {
    // Each initialisation gets a few iterations; only the best one is run to convergence.
    var best: Result?
    for run in 0..<max(1, initializations) {
      var generator = SplitMix64(seed: seed &+ UInt64(run) &* 0x9E37_79B9)
      var centers = seedPlusPlus(points: points, weights: weights, k: k, generator: &generator)
      let result = lloyd(
        points: points, weights: weights, centers: &centers,
        maxIterations: initializations > 1 ? screeningIterations : maxIterations,
        tolerance: tolerance)
      if best == nil || result.weightedError < best!.weightedError { best = result }
    }
    guard initializations > 1, var centers = best?.centers else { return best! }
    return lloyd(
      points: points, weights: weights, centers: &centers, maxIterations: maxIterations,
      tolerance: tolerance)
  }

  /// k-means++: the first centre by weight, each next one by weight × squared distance.
  static func seedPlusPlus(
    points: [SIMD4<Float>], weights: [Float], k: Int, generator: inout SplitMix64
  ) -> [SIMD4<Float>] {
    var centers: [SIMD4<Float>] = [points[pick(weights, &generator)]]
    var nearest = points.map { distanceSquared($0, centers[0]) }
    while centers.count < k {
      var scores = [Float](repeating: 0, count: points.count)
      for i in points.indices { scores[i] = weights[i] * nearest[i] }
      guard scores.contains(where: { $0 > 0 }) else { break }
      let next = points[pick(scores, &generator)]
      centers.append(next)
      for i in points.indices { nearest[i] = min(nearest[i], distanceSquared(points[i], next)) }
    }
    return centers
  }

  /// Lloyd iterations from the given centres until no centre moves more than `tolerance`
  /// (squared). An emptied cluster is re-seeded at the worst-represented point.
  static func lloyd(
    points: [SIMD4<Float>], weights: [Float], centers: inout [SIMD4<Float>], maxIterations: Int,
    tolerance: Float
  ) -> Result {
    var assignment = [Int](repeating: 0, count: points.count)
    var error = 0.0
    for _ in 0..<maxIterations {
      error = assign(points: points, weights: weights, centers: centers, assignment: &assignment)
      var sums = [SIMD4<Float>](repeating: .zero, count: centers.count)
      var totals = [Float](repeating: 0, count: centers.count)
      points.withUnsafeBufferPointer { points in
        weights.withUnsafeBufferPointer { weights in
          for i in 0..<points.count {
            let c = assignment[i]
            sums[c] += points[i] * weights[i]
            totals[c] += weights[i]
          }
        }
      }
      var moved: Float = 0
      for c in centers.indices {
        let updated: SIMD4<Float>
        if totals[c] > 0 {
          updated = sums[c] / totals[c]
        } else {
          updated =
            points[
              worstPoint(points: points, weights: weights, centers: centers, assignment: assignment)
            ]
        }
        moved = max(moved, distanceSquared(updated, centers[c]))
        centers[c] = updated
      }
      if moved <= tolerance { break }
    }
    error = assign(points: points, weights: weights, centers: centers, assignment: &assignment)
    return Result(centers: centers, assignment: assignment, weightedError: error)
  }

  /// Assigns each point to its nearest centre; returns the weighted squared error.
  ///
  /// Eight points at a time, one lane each, are compared with every centre in turn, so the
  /// nearest centre is kept with vector selects instead of a search across lanes. Ties go to
  /// the lower centre index.
  static func assign(
    points: [SIMD4<Float>], weights: [Float], centers: [SIMD4<Float>], assignment: inout [Int]
  ) -> Double {
    let count = points.count
    var error = 0.0
    points.withUnsafeBufferPointer { points in
      weights.withUnsafeBufferPointer { weights in
        centers.withUnsafeBufferPointer { centers in
          assignment.withUnsafeMutableBufferPointer { assignment in
            for start in stride(from: 0, to: count, by: 8) {
              let lanes = min(8, count - start)
              var l = SIMD8<Float>()
              var a = SIMD8<Float>()
              var b = SIMD8<Float>()
              for lane in 0..<lanes {
                let point = points[start + lane]
                l[lane] = point.x
                a[lane] = point.y
                b[lane] = point.z
              }
              var nearest = SIMD8<Float>(repeating: .infinity)
              var nearestIndex = SIMD8<Float>()
              for c in 0..<centers.count {
                let center = centers[c]
                let dl = l - center.x
                let da = a - center.y
                let db = b - center.z
                let d = dl * dl + da * da + db * db
                let closer = d .< nearest
                nearest.replace(with: d, where: closer)
                nearestIndex.replace(with: Float(c), where: closer)
              }
              for lane in 0..<lanes {
                assignment[start + lane] = Int(nearestIndex[lane])
                error += Double(nearest[lane] * weights[start + lane])
              }
            }
          }
        }
      }
    }
    return error
  }

  /// The point contributing the most weighted error.
  static func worstPoint(
    points: [SIMD4<Float>], weights: [Float], centers: [SIMD4<Float>], assignment: [Int]
  ) -> Int {
    var worst = 0
    var worstScore: Float = -1
    for i in points.indices {
      let score = weights[i] * distanceSquared(points[i], centers[assignment[i]])
      if score > worstScore {
        worstScore = score
        worst = i
      }
    }
    return worst
  }

  @inline(__always)
  static func distanceSquared(_ x: SIMD4<Float>, _ y: SIMD4<Float>) -> Float {
    let d = x - y
    return (d * d).sum()
  }

  /// An index drawn with probability proportional to its score.
  private static func pick(_ scores: [Float], _ generator: inout SplitMix64) -> Int {
    let total = scores.reduce(0.0) { $0 + Double($1) }
    var target = generator.nextUnit() * total
    for (i, score) in scores.enumerated() {
      target -= Double(score)
      if target < 0 { return i }
    }
    return scores.lastIndex(where: { $0 > 0 }) ?? 0
  }
}
