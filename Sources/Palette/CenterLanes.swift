/// Cluster centres laid out as 8-lane vectors per coordinate, so a point is compared with 8
/// centres at once. Padding lanes sit far away and never win.
struct CenterLanes {
  /// Centres compared at once.
  static let width = 8

  private var l: [SIMD8<Float>]
  private var a: [SIMD8<Float>]
  private var b: [SIMD8<Float>]

  init(_ centers: [SIMD4<Float>]) {
    let chunks = (centers.count + Self.width - 1) / Self.width
    l = [SIMD8<Float>](repeating: SIMD8(repeating: 1e18), count: chunks)
    a = [SIMD8<Float>](repeating: .zero, count: chunks)
    b = [SIMD8<Float>](repeating: .zero, count: chunks)
    for (c, center) in centers.enumerated() {
      l[c / Self.width][c % Self.width] = center.x
      a[c / Self.width][c % Self.width] = center.y
      b[c / Self.width][c % Self.width] = center.z
    }
  }

  @inline(__always)
  private func squaredDistances(_ point: SIMD4<Float>, chunk: Int) -> SIMD8<Float> {
    let dl = l[chunk] - point.x
    let da = a[chunk] - point.y
    let db = b[chunk] - point.z
    return dl * dl + da * da + db * db
  }

  /// The smallest lane, as a tree of scalar minimums (the generic `SIMD.min()` and
  /// `pointwiseMin` are out-of-line calls here).
  @inline(__always)
  private static func smallest(_ d: SIMD8<Float>) -> Float {
    Swift.min(
      Swift.min(Swift.min(d[0], d[1]), Swift.min(d[2], d[3])),
      Swift.min(Swift.min(d[4], d[5]), Swift.min(d[6], d[7])))
  }

  /// The nearest centre and its squared distance.
  @inline(__always)
  func nearest(to point: SIMD4<Float>) -> (index: Int, distance: Float) {
    var best = 0
    var bestDistance = Float.infinity
    for chunk in l.indices {
      let d = squaredDistances(point, chunk: chunk)
      guard chunk == 0 || Self.smallest(d) < bestDistance else { continue }
      for lane in 0..<8 where d[lane] < bestDistance {
        bestDistance = d[lane]
        best = chunk * 8 + lane
      }
    }
    return (best, bestDistance)
  }
}
