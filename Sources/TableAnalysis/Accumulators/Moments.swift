/// Count, mean and the second and third central moments of a column's numbers, with minimum,
/// maximum, zeros and negatives, in one pass; two merge exactly as Chan and Pébay give (so
/// shards and batches combine).
struct Moments: Codable, Hashable, Sendable {
  private(set) var count = 0
  private(set) var mean = 0.0
  /// Σ (x − mean)².
  private(set) var m2 = 0.0
  /// Σ (x − mean)³.
  private(set) var m3 = 0.0
  private(set) var minimum = Double.infinity
  private(set) var maximum = -Double.infinity
  private(set) var zeros = 0
  private(set) var negatives = 0

  init() {}

  /// Moments summed elsewhere (a group's shifted sums): the third moment is not kept (group
  /// skews are not reported), nor zeros and negatives.
  init(count: Int, mean: Double, m2: Double, minimum: Double, maximum: Double) {
    self.count = count
    self.mean = mean
    self.m2 = m2
    self.minimum = minimum
    self.maximum = maximum
  }

  /// Adds a batch of values: its moments two-pass (mean, then centred sums, with one
  /// correction step), then merged.
  mutating func add(_ values: [Double]) {
    guard !values.isEmpty else { return }
    values.withUnsafeBufferPointer { add(buffer: $0) }
  }

  /// ``add(_:)``'s passes, each sum in two chains, even and odd values, added at the end
  /// (twice the additions in flight).
  private mutating func add(buffer values: UnsafeBufferPointer<Double>) {
    var batch = Moments()
    let n = values.count
    var (s0, s1) = (0.0, 0.0)
    var (low, high) = (Double.infinity, -Double.infinity)
    var (zeros, negatives) = (0, 0)
    var i = 0
    while i + 1 < n {
      let (a, b) = (values[i], values[i + 1])
      s0 += a
      s1 += b
      low = min(low, min(a, b))
      high = max(high, max(a, b))
      zeros += (a == 0 ? 1 : 0) + (b == 0 ? 1 : 0)
      negatives += (a < 0 ? 1 : 0) + (b < 0 ? 1 : 0)
      i += 2
    }
    if i < n {
      let a = values[i]
      s0 += a
      low = min(low, a)
      high = max(high, a)
      zeros += a == 0 ? 1 : 0
      negatives += a < 0 ? 1 : 0
    }
    batch.count = n
    batch.minimum = low
    batch.maximum = high
    batch.zeros = zeros
    batch.negatives = negatives
    let mean = (s0 + s1) / Double(n)
    var (c0, c1, q0, q1, k0, k1) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    i = 0
    while i + 1 < n {
      let (d, e) = (values[i] - mean, values[i + 1] - mean)
      c0 += d
      c1 += e
      let (d2, e2) = (d * d, e * e)
      q0 += d2
      q1 += e2
      k0 += d2 * d
      k1 += e2 * e
      i += 2
    }
    if i < n {
      let d = values[i] - mean
      c0 += d
      q0 += d * d
      k0 += d * d * d
    }
    let correction = c0 + c1
    batch.mean = mean + correction / Double(n)
    batch.m2 = (q0 + q1) - correction * correction / Double(n)
    batch.m3 = k0 + k1
    merge(batch)
  }

  mutating func merge(_ other: Moments) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let n1 = Double(count)
    let n2 = Double(other.count)
    let n = n1 + n2
    let delta = other.mean - mean
    let newMean = mean + delta * n2 / n
    let newM2 = m2 + other.m2 + delta * delta * n1 * n2 / n
    let newM3 =
      m3 + other.m3 + delta * delta * delta * n1 * n2 * (n1 - n2) / (n * n)
      + 3 * delta * (n1 * other.m2 - n2 * m2) / n
    count += other.count
    mean = newMean
    m2 = newM2
    m3 = newM3
    minimum = min(minimum, other.minimum)
    maximum = max(maximum, other.maximum)
    zeros += other.zeros
    negatives += other.negatives
  }

  /// The sample standard deviation (n − 1, as pandas).
  var standardDeviation: Double? {
    count > 1 ? (max(m2, 0) / Double(count - 1)).squareRoot() : nil
  }

  /// The adjusted Fisher–Pearson skewness (G1, as pandas' `skew`); 0 for a constant column.
  var skewness: Double? {
    guard count > 2 else { return nil }
    let n = Double(count)
    let variance = m2 / n
    // pandas treats a variance lost in rounding as none.
    if variance <= 1e-14 * max(mean * mean, 1e-300) || m2 == 0 { return 0 }
    let g1 = (m3 / n) / (variance * variance.squareRoot())
    return g1 * (n * (n - 1)).squareRoot() / (n - 2)
  }
}
