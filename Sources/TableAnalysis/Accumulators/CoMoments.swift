/// Pearson's correlation of two columns over the rows where both have a number, accumulated
/// per batch (two-pass) and merged with Chan's formulas.
struct CoMoments: Codable, Hashable, Sendable {
  private(set) var count = 0
  private(set) var meanX = 0.0
  private(set) var meanY = 0.0
  private(set) var cxy = 0.0
  private(set) var m2x = 0.0
  private(set) var m2y = 0.0

  /// Adds the rows of a batch; NaN marks a missing number.
  mutating func add(_ xs: UnsafeBufferPointer<Double>, _ ys: UnsafeBufferPointer<Double>) {
    var n = 0
    var sx = 0.0
    var sy = 0.0
    for i in 0..<xs.count {
      let x = xs[i]
      let y = ys[i]
      if x.isNaN || y.isNaN { continue }
      n += 1
      sx += x
      sy += y
    }
    guard n > 0 else { return }
    var batch = CoMoments()
    batch.count = n
    batch.meanX = sx / Double(n)
    batch.meanY = sy / Double(n)
    for i in 0..<xs.count {
      let x = xs[i]
      let y = ys[i]
      if x.isNaN || y.isNaN { continue }
      let dx = x - batch.meanX
      let dy = y - batch.meanY
      batch.cxy += dx * dy
      batch.m2x += dx * dx
      batch.m2y += dy * dy
    }
    merge(batch)
  }

  mutating func merge(_ other: CoMoments) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let n1 = Double(count)
    let n2 = Double(other.count)
    let n = n1 + n2
    let dx = other.meanX - meanX
    let dy = other.meanY - meanY
    cxy += other.cxy + dx * dy * n1 * n2 / n
    m2x += other.m2x + dx * dx * n1 * n2 / n
    m2y += other.m2y + dy * dy * n1 * n2 / n
    meanX += dx * n2 / n
    meanY += dy * n2 / n
    count += other.count
  }

  /// The correlation, or `nil` with fewer than two rows or a constant side.
  var pearson: Double? {
    guard count > 1, m2x > 0, m2y > 0 else { return nil }
    return max(-1, min(1, cxy / (m2x * m2y).squareRoot()))
  }
}
