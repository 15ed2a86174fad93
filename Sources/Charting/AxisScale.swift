#if canImport(Glibc)
  import Glibc
#endif

/// Maps data values to pixels along one axis, linear or logarithmic.
struct AxisScale {
  var lower: Double
  var upper: Double
  var start: Double
  var end: Double
  var log: Bool

  func callAsFunction(_ value: Double) -> Double {
    let (a, b, v) =
      log ? (log10(lower), log10(upper), log10(max(value, 1e-300))) : (lower, upper, value)
    guard b != a else { return (start + end) / 2 }
    return start + (v - a) / (b - a) * (end - start)
  }
}
