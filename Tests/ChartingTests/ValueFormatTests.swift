import Foundation
import LumenCore
import Testing

@testable import Charting

/// `ValueFormat.grouped` writes its digits into a few bytes; the text must be what it was when
/// built from strings (kept here as the reference): decimals, trailing zeros, commas from
/// 10,000, signs, rounding, and the limits.
@Suite struct ValueFormatTests {
  static func reference(_ value: Double, decimals requested: Int) -> String {
    let places = min(requested, 12)
    let power = pow(10, Double(places))
    if value.isNaN { return "NaN" }
    if !value.isFinite { return value > 0 ? "∞" : "−∞" }
    if abs(value) * power >= 9e18 { return String(format: "%.4g", value) }
    let scaled = Int64((abs(value) * Double(Int64(power))).rounded())
    let (whole, fraction) = scaled.quotientAndRemainder(dividingBy: Int64(power))
    var groupedDigits = ""
    for (index, c) in String(whole).reversed().enumerated() {
      if index > 0, index % 3 == 0, whole >= 10_000 { groupedDigits.append(",") }
      groupedDigits.append(c)
    }
    var text = String(groupedDigits.reversed())
    if places > 0, fraction > 0 {
      var tail = String(fraction)
      tail = String(repeating: "0", count: places - tail.count) + tail
      while tail.hasSuffix("0") { tail.removeLast() }
      text += "." + tail
    }
    return (value < 0 && scaled > 0 ? "-" : "") + text
  }

  @Test func groupedAsBuiltFromStrings() {
    var generator = SplitMix64(seed: 23)
    var values: [Double] = [
      0, -0.0, 1, -1, 9_999, 10_000, -10_000, 999_999.995, 0.05, -0.004, 1950, 12_345.6789,
      8.9e17, 9.1e17, 1e300, .infinity, -.infinity, .nan, 0.1 + 0.2,
    ]
    for _ in 0..<20_000 {
      let magnitude = pow(10, Double(generator.next() % 20) - 6)
      let v = Double(generator.next() % 1_000_000) / 1_000_000 * magnitude
      values.append(generator.next() % 2 == 0 ? v : -v)
    }
    for value in values {
      for decimals in [0, 1, 2, 3, 4, 6, 12, 14] {
        #expect(
          ValueFormat.grouped(value, decimals: decimals)
            == Self.reference(value, decimals: decimals), "\(value), \(decimals)")
      }
    }
  }
}
