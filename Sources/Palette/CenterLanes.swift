/// Cluster centres laid out as 8-lane vectors per coordinate, so a point is compared with 8
/// centres at once. Padding lanes sit far away and never win.
struct CenterLanes {
  private var l: [SIMD8<Float>]
  private var a: [SIMD8<Float>]
  private var b: [SIMD8<Float>]

  init(_ centers: [SIMD4<Float>]) {
    let chunks = (centers.count + 7) / 8
    l = [SIMD8<Float>](repeating: SIMD8(repeating: 1e18), count: chunks)
    a = [SIMD8<Float>](repeating: .zero, count: chunks)
    b = [SIMD8<Float>](repeating: .zero, count: chunks)
    for (c, center) in centers.enumerated() {
      l[c / 8][c % 8] = center.x
      a[c / 8][c % 8] = center.y
      b[c / 8][c % 8] = center.z
    }
  }

  @inline(__always)
  private func squaredDistances(_ point: SIMD4<Float>, chunk: Int) -> SIMD8<Float> {
    let dl = l[chunk] - point.x
    let da = a[chunk] - point.y
    let db = b[chunk] - point.z
    return dl * dl + da * da + db * db
  }

  /// The nearest centre and its squared distance.
  @inline(__always)
  func nearest(to point: SIMD4<Float>) -> (index: Int, distance: Float) {
    var best = 0
    var bestDistance = Float.infinity
    for chunk in l.indices {
      let d = squaredDistances(point, chunk: chunk)
      guard d.min() < bestDistance else { continue }
      for lane in 0..<8 where d[lane] < bestDistance {
        bestDistance = d[lane]
        best = chunk * 8 + lane
      }
    }
    return (best, bestDistance)
  }

  /// The nearest centre, its squared distance and the squared distance to the second nearest.
  @inline(__always)
  func nearestTwo(to point: SIMD4<Float>) -> (index: Int, nearest: Float, second: Float) {
    var best = 0
    var bestDistance = Float.infinity
    var secondDistance = Float.infinity
    for chunk in l.indices {
      let d = squaredDistances(point, chunk: chunk)
      guard d.min() < secondDistance else { continue }
      for lane in 0..<8 {
        let distance = d[lane]
        if distance < bestDistance {
          secondDistance = bestDistance
          bestDistance = distance
          best = chunk * 8 + lane
        } else if distance < secondDistance {
          secondDistance = distance
        }
      }
    }
    return (best, bestDistance, secondDistance)
  }
}
