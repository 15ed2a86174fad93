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
      var generator = SeededGenerator(seed: seed &+ UInt64(run) &* 0x9E37_79B9)
      var centers = seedPlusPlus(points: points, weights: weights, k: k, generator: &generator)
      let result = lloyd(
        points: points, weights: weights, centers: &centers,
        maxIterations: initializations > 1 ? screeningIterations : maxIterations, tolerance: tolerance)
      if best == nil || result.weightedError < best!.weightedError { best = result }
    }
    guard initializations > 1, var centers = best?.centers else { return best! }
    return lloyd(
      points: points, weights: weights, centers: &centers, maxIterations: maxIterations,
      tolerance: tolerance)
  }

  /// k-means++: the first centre by weight, each next one by weight × squared distance.
  static func seedPlusPlus(
    points: [SIMD4<Float>], weights: [Float], k: Int, generator: inout SeededGenerator
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
  ///
  /// The assignments are Lloyd's, computed with Hamerly's bounds (2010): each point keeps an
  /// upper bound on the distance to its centre and a lower bound on the distance to every other
  /// one, both moved by how far the centres moved; a point whose upper bound is below the lower
  /// bound (or half the distance from its centre to the nearest other) keeps its centre without
  /// a single distance computed. Once the clusters settle that is nearly every point, so an
  /// iteration costs O(points) instead of O(points × k). Up to 8 centres (one 8-lane compare)
  /// a full assignment is cheaper than keeping the bounds, so it is done directly.
  static func lloyd(
    points: [SIMD4<Float>], weights: [Float], centers: inout [SIMD4<Float>], maxIterations: Int,
    tolerance: Float
  ) -> Result {
    let k = centers.count
    var assignment = [Int](repeating: 0, count: points.count)
    let bounded = k > CenterLanes.width
    var bounds = Bounds(count: bounded ? points.count : 0)
    if bounded {
      assignAll(points: points, centers: centers, assignment: &assignment, bounds: &bounds)
    } else {
      _ = assign(points: points, weights: weights, centers: centers, assignment: &assignment)
    }
    var shifts = [Float](repeating: 0, count: k)
    for _ in 0..<maxIterations {
      var sums = [SIMD4<Float>](repeating: .zero, count: k)
      var totals = [Float](repeating: 0, count: k)
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
          updated = points[worstPoint(points: points, weights: weights, centers: centers, assignment: assignment)]
        }
        let shift = distanceSquared(updated, centers[c])
        moved = max(moved, shift)
        shifts[c] = shift.squareRoot()
        centers[c] = updated
      }
      if bounded {
        reassign(points: points, centers: centers, shifts: shifts, assignment: &assignment, bounds: &bounds)
      } else {
        _ = assign(points: points, weights: weights, centers: centers, assignment: &assignment)
      }
      if moved <= tolerance { break }
    }
    var error = 0.0
    for i in points.indices {
      error += Double(distanceSquared(points[i], centers[assignment[i]]) * weights[i])
    }
    return Result(centers: centers, assignment: assignment, weightedError: error)
  }

  /// Bounds are widened by this factor so that float rounding never prunes a point whose
  /// nearest centre changed.
  private static let boundSlack: Float = 1e-5

  /// Assigns every point to its nearest centre and sets tight bounds.
  static func assignAll(
    points: [SIMD4<Float>], centers: [SIMD4<Float>], assignment: inout [Int], bounds: inout Bounds
  ) {
    let lanes = CenterLanes(centers)
    for i in points.indices {
      let (best, nearest, second) = lanes.nearestTwo(to: points[i])
      assignment[i] = best
      bounds.upper[i] = nearest.squareRoot() * (1 + boundSlack)
      bounds.lower[i] = second.squareRoot() * (1 - boundSlack)
    }
  }

  /// Moves the bounds by the centres' shifts and reassigns only the points they cannot settle.
  static func reassign(
    points: [SIMD4<Float>], centers: [SIMD4<Float>], shifts: [Float], assignment: inout [Int],
    bounds: inout Bounds
  ) {
    let k = centers.count
    guard k > 1 else { return }
    // The largest shift, and the largest among the other centres for the point of that one.
    var largest = 0
    for c in 1..<k where shifts[c] > shifts[largest] { largest = c }
    var secondShift: Float = 0
    for c in 0..<k where c != largest { secondShift = max(secondShift, shifts[c]) }
    // Half the distance from each centre to its nearest other centre.
    var halfGap = [Float](repeating: .infinity, count: k)
    for c in 0..<k {
      for other in 0..<k where other != c {
        halfGap[c] = min(halfGap[c], distanceSquared(centers[c], centers[other]))
      }
      halfGap[c] = halfGap[c].squareRoot() * 0.5 * (1 - boundSlack)
    }
    let lanes = CenterLanes(centers)
    points.withUnsafeBufferPointer { points in
      assignment.withUnsafeMutableBufferPointer { assignment in
        bounds.upper.withUnsafeMutableBufferPointer { upper in
          bounds.lower.withUnsafeMutableBufferPointer { lower in
            for i in 0..<points.count {
              let c = assignment[i]
              upper[i] += shifts[c]
              lower[i] -= c == largest ? secondShift : shifts[largest]
              let limit = max(lower[i], halfGap[c])
              guard upper[i] > limit else { continue }
              upper[i] = distanceSquared(points[i], centers[c]).squareRoot() * (1 + boundSlack)
              guard upper[i] > limit else { continue }
              let (best, nearest, second) = lanes.nearestTwo(to: points[i])
              assignment[i] = best
              upper[i] = nearest.squareRoot() * (1 + boundSlack)
              lower[i] = second.squareRoot() * (1 - boundSlack)
            }
          }
        }
      }
    }
  }

  /// Assigns each point to its nearest centre; returns the weighted squared error.
  static func assign(
    points: [SIMD4<Float>], weights: [Float], centers: [SIMD4<Float>], assignment: inout [Int]
  ) -> Double {
    let lanes = CenterLanes(centers)
    var error = 0.0
    for i in points.indices {
      let (best, distance) = lanes.nearest(to: points[i])
      assignment[i] = best
      error += Double(distance * weights[i])
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
  private static func pick(_ scores: [Float], _ generator: inout SeededGenerator) -> Int {
    let total = scores.reduce(0.0) { $0 + Double($1) }
    var target = generator.unit() * total
    for (i, score) in scores.enumerated() {
      target -= Double(score)
      if target < 0 { return i }
    }
    return scores.lastIndex(where: { $0 > 0 }) ?? 0
  }
}
