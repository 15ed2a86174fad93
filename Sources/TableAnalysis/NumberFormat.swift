internal import Foundation

/// Numbers as people read them in the report and the top-value lists: whole numbers without a
/// decimal point, others in Swift's shortest round-trip form.
enum NumberFormat {
  static func plain(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// A statistic for the report: at most `digits` significant digits, no trailing zeros.
  static func short(_ value: Double, digits: Int = 6) -> String {
    if !value.isFinite { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
    if value == value.rounded(), abs(value) < 1e15 { return grouped(Int64(value)) }
    let magnitude = abs(value)
    if magnitude >= 1e15 || magnitude < 1e-4 {
      return String(format: "%.\(digits - 1)e", value)
    }
    let decimals = max(0, digits - 1 - Int(log10(magnitude).rounded(.down)))
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return value < 0 ? "-" + out : out
  }
}
