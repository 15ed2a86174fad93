internal import Tables

#if canImport(Glibc)
  import Glibc
#endif

/// Numbers as axes and labels write them: thousands separators, SI suffixes for large values
/// (`1.2M`), the column's unit (`$1,200`, `12%`), no trailing zeros.
struct ValueFormat {
  var unit: ValueUnit?
  /// The tick step, when formatting ticks (decides the decimals).
  var step: Double?
  /// The largest tick's magnitude (decides SI suffixes for the whole axis).
  var largest: Double?

  /// The format for an axis's tick labels.
  static func axis(_ ticks: NiceTicks.Result, unit: ValueUnit?) -> ValueFormat {
    ValueFormat(
      unit: unit, step: ticks.step > 0 ? ticks.step : nil,
      largest: ticks.values.map { abs($0) }.max())
  }

  func string(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    var text: String
    let magnitude = abs(value)
    if let step, step > 0 {
      // One style for the whole axis: SI when the step is a million or more, or when the
      // ticks reach a million.
      if step >= 1_000_000 || (largest ?? magnitude) >= 1_000_000 {
        text = Self.si(value, step: step, largest: largest)
      } else {
        text = Self.grouped(value, decimals: Self.decimals(for: step))
      }
    } else if magnitude >= 1e6 {
      text = Self.si(value, step: nil)
    } else {
      let decimals =
        magnitude >= 100
        ? 1 : magnitude >= 1 ? 2 : magnitude == 0 ? 0 : 3 - Int(floor(log10(magnitude)))
      text = Self.grouped(value, decimals: min(decimals, 10))
    }
    return unit?.apply(to: text) ?? text
  }

  /// The fewest decimals that write every multiple of `step` exactly (0.25 → 2, 5 → 0).
  static func decimals(for step: Double) -> Int {
    for d in 0...8 {
      let scaled = step * pow(10, Double(d))
      if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
    }
    return 8
  }

  /// A value as a mark's label gives it: two decimals (fewer when they are zeros), more for
  /// values below 1, with thousands separators and the unit.
  static func label(_ value: Double, unit: ValueUnit?) -> String {
    guard value.isFinite else { return "–" }
    let magnitude = abs(value)
    let decimals = magnitude >= 1 || magnitude == 0 ? 2 : min(10, 3 - Int(floor(log10(magnitude))))
    let text = grouped(value, decimals: decimals)
    return unit?.apply(to: text) ?? text
  }

  /// `1.5M`, `20k`, `3B`.
  static func si(_ value: Double, step: Double?, largest: Double? = nil) -> String {
    let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
    let reach = max(abs(value), step ?? 0, largest ?? 0)
    for (scale, suffix) in units where reach >= scale {
      let scaled = value / scale
      let decimals = step.map { min(3, Self.decimals(for: $0 / scale)) } ?? 2
      return grouped(scaled, decimals: decimals) + suffix
    }
    return grouped(value, decimals: 0)
  }

  /// `value` with `decimals` digits (trailing zeros dropped) and `,` between thousands from
  /// 10,000 on.
  static func grouped(_ value: Double, decimals: Int) -> String {
    let decimals = min(decimals, 12)
    // Past what 64-bit integers hold once scaled (or not a number): scientific notation.
    guard value.isFinite, abs(value) * pow(10, Double(decimals)) < 9e18 else {
      if value.isNaN { return "NaN" }
      return value.isFinite ? String(format: "%.4g", value) : (value > 0 ? "∞" : "−∞")
    }
    let scale = Int64(pow(10, Double(decimals)))
    let scaled = Int64((abs(value) * Double(scale)).rounded())
    let whole = scaled / scale
    var fraction = scaled % scale
    // Written right to left into a few bytes (a scatter labels thousands of values; a string
    // per digit group and per piece was most of its layout): the fraction without trailing
    // zeros, the point, the whole part with a comma between thousands from five digits on
    // (years read 1950, not 1,950), the sign.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { text in
      var start = text.count
      func put(_ byte: UInt8) {
        start -= 1
        text[start] = byte
      }
      if decimals > 0, fraction > 0 {
        var digits = decimals
        while fraction % 10 == 0 {
          fraction /= 10
          digits -= 1
        }
        for _ in 0..<digits {
          put(UInt8(48 + fraction % 10))
          fraction /= 10
        }
        put(UInt8(ascii: "."))
      }
      var rest = whole
      var written = 0
      repeat {
        if written > 0, written % 3 == 0, whole >= 10_000 { put(UInt8(ascii: ",")) }
        put(UInt8(48 + rest % 10))
        rest /= 10
        written += 1
      } while rest > 0
      if value < 0, scaled > 0 { put(UInt8(ascii: "-")) }
      return String(
        decoding: UnsafeBufferPointer(rebasing: text[start...]), as: UTF8.self)
    }
  }
}
