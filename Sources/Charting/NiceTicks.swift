#if canImport(Glibc)
  import Glibc
#endif

/// Axis ticks at "nice" values (1, 2, 2.5, 5 × 10ⁿ) covering a range, about `target` of them,
/// in the spirit of Wilkinson's extended algorithm (simplicity first, then coverage).
package enum NiceTicks {
  package struct Result: Equatable {
    package var lower: Double
    package var upper: Double
    package var step: Double
    package var values: [Double]
  }

  /// Ticks for whole numbers (counts, sizes, years): never a step below 1.
  static func integers(_ low: Double, _ high: Double, target: Int = 6, includeZero: Bool = false)
    -> Result
  {
    let ticks = linear(low, high, target: target, includeZero: includeZero)
    guard ticks.step < 1 else { return ticks }
    let lower = floor(min(low, includeZero ? 0 : low))
    let upper = max(ceil(max(high, includeZero ? 0 : high)), lower + 1)
    return Result(
      lower: lower, upper: upper, step: 1, values: Array(stride(from: lower, through: upper, by: 1))
    )
  }

  package static func linear(
    _ low: Double, _ high: Double, target: Int = 6, includeZero: Bool = false
  )
    -> Result
  {
    var low = low
    var high = high
    if includeZero {
      low = min(low, 0)
      high = max(high, 0)
    }
    if !(low.isFinite && high.isFinite) {
      return Result(lower: 0, upper: 1, step: 0.2, values: [0, 0.2, 0.4, 0.6, 0.8, 1])
    }
    if low == high {
      let pad = low == 0 ? 1 : abs(low) * 0.1
      low -= pad
      high += pad
    }
    let raw = (high - low) / Double(max(target - 1, 1))
    let magnitude = pow(10, floor(log10(raw)))
    var best: (score: Double, step: Double) = (.infinity, raw)
    for (index, nice) in [1.0, 2.0, 2.5, 5.0, 10.0].enumerated() {
      let step = nice * magnitude
      let count = Double(Int((ceil(high / step - 1e-9) - floor(low / step + 1e-9)).rounded()) + 1)
      let simplicity = Double(index) * 0.1 + (nice == 2.5 ? 0.2 : 0)
      let density = abs(count - Double(target)) / Double(target)
      let score = simplicity + density * 2
      if score < best.score { best = (score, step) }
    }
    let step = best.step
    let lower = floor(low / step + 1e-9) * step
    let upper = ceil(high / step - 1e-9) * step
    var values: [Double] = []
    var v = lower
    while v <= upper + step * 1e-6, values.count < 50 {
      values.append(abs(v) < step * 1e-9 ? 0 : v)
      v += step
    }
    return Result(lower: lower, upper: upper, step: step, values: values)
  }

  /// Powers of ten (and 2×, 5× between them when there are few decades) for a log axis over
  /// the data's range with a little room, not stretched to whole decades.
  package static func logarithmic(_ low: Double, _ high: Double) -> Result {
    let low = max(low, 1e-300)
    let high = max(high, low * 10)
    let lower = low / 1.15
    let upper = high * 1.15
    let a = Int(floor(log10(lower)))
    let b = Int(ceil(log10(upper)))
    var values: [Double] = []
    for e in a...b {
      let base = pow(10, Double(e))
      for m in b - a <= 3 ? [1.0, 2, 5] : [1.0] where m * base >= lower && m * base <= upper {
        values.append(m * base)
      }
    }
    return Result(lower: lower, upper: upper, step: 0, values: values)
  }
}
