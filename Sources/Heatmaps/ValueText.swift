internal import Foundation

/// Numbers as a heatmap writes them.
enum ValueText {
  /// The shortest decimal that reads back as `value` (`3.25`, `100`, `1e-07`).
  static func shortest(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
  }

  /// `value` with `decimals` digits after the point and thin grouping left out (`1234.50`).
  static func fixed(_ value: Double, decimals: Int) -> String {
    if decimals == 0 { return String(Int64(value.rounded())) }
    let scale = pow(10, Double(decimals))
    let scaled = (abs(value) * scale).rounded()
    let whole = Int64(scaled / scale)
    let fraction = Int64(scaled - Double(whole) * scale)
    var digits = String(fraction)
    digits = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return "\(sign)\(whole).\(digits)"
  }

  /// The decimals that show values of this spread apart: 2 significant digits of the
  /// smallest absolute value's magnitude, at most 4.
  static func decimals(for values: [Double]) -> Int {
    let finite = values.filter(\.isFinite)
    if finite.allSatisfy({ $0 == $0.rounded() }) { return 0 }
    let largest = finite.map(abs).max() ?? 0
    if largest >= 1000 { return 0 }
    if largest >= 100 { return 1 }
    if largest >= 1 { return 2 }
    return 3
  }

}
