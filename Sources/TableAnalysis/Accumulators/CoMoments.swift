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
    // Two sums of each kind, even and odd rows, added at the end: two chains of additions
    // in flight rather than one (a row with a missing side counts in neither).
    let count = min(xs.count, ys.count)
    var n = 0
    var (sx0, sx1, sy0, sy1) = (0.0, 0.0, 0.0, 0.0)
    var i = 0
    while i + 1 < count {
      let (x0, y0, x1, y1) = (xs[i], ys[i], xs[i + 1], ys[i + 1])
      if !(x0.isNaN || y0.isNaN) {
        n += 1
        sx0 += x0
        sy0 += y0
      }
      if !(x1.isNaN || y1.isNaN) {
        n += 1
        sx1 += x1
        sy1 += y1
      }
      i += 2
    }
    if i < count, !(xs[i].isNaN || ys[i].isNaN) {
      n += 1
      sx0 += xs[i]
      sy0 += ys[i]
    }
    guard n > 0 else { return }
    var batch = CoMoments()
    batch.count = n
    let (mx, my) = ((sx0 + sx1) / Double(n), (sy0 + sy1) / Double(n))
    batch.meanX = mx
    batch.meanY = my
    var (c0, c1, x0s, x1s, y0s, y1s) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    i = 0
    while i + 1 < count {
      let (x0, y0, x1, y1) = (xs[i], ys[i], xs[i + 1], ys[i + 1])
      if !(x0.isNaN || y0.isNaN) {
        let (dx, dy) = (x0 - mx, y0 - my)
        c0 += dx * dy
        x0s += dx * dx
        y0s += dy * dy
      }
      if !(x1.isNaN || y1.isNaN) {
        let (dx, dy) = (x1 - mx, y1 - my)
        c1 += dx * dy
        x1s += dx * dx
        y1s += dy * dy
      }
      i += 2
    }
    if i < count, !(xs[i].isNaN || ys[i].isNaN) {
      let (dx, dy) = (xs[i] - mx, ys[i] - my)
      c0 += dx * dy
      x0s += dx * dx
      y0s += dy * dy
    }
    batch.cxy = c0 + c1
    batch.m2x = x0s + x1s
    batch.m2y = y0s + y1s
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
