/// Quantiles with linear interpolation between order statistics (pandas' and NumPy's default,
/// R type 7).
package enum Quantiles {
  package static func of(_ sorted: [Double], _ q: Double) -> Double {
    of(count: sorted.count, q) { sorted[$0] }
  }

  /// The `q` quantile of `count` values in ascending order, the `i`th read by `value(i)`.
  @inline(__always)
  package static func of(count: Int, _ q: Double, value: (Int) -> Double) -> Double {
    guard count > 0 else { return .nan }
    let position = q * Double(count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, count - 1)
    let fraction = position - Double(lower)
    return value(lower) + (value(upper) - value(lower)) * fraction
  }
}
