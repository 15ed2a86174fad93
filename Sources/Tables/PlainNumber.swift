/// Decimal numbers read straight from bytes (`-12`, `3.25`, `1e-3`), exactly as `Double(String)`
/// reads them: Clinger's fast path when the digits fit 2⁵³ and the power of ten is at most 22
/// (both exact, so one correctly rounded operation), otherwise the standard library's parser.
enum PlainNumber {
  /// The value and whether it was written without a fraction or exponent; `nil` for anything
  /// but an optional sign, digits, one point and an optional exponent.
  static func read(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (value: Double, whole: Bool)? {
    var i = bytes.startIndex
    let end = bytes.endIndex
    guard i < end else { return nil }
    var negative = false
    if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var significant = 0
    var scale = 0
    var sawPoint = false
    var whole = true
    while i < end {
      let byte = bytes[i]
      if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        digits += 1
        if mantissa == 0, byte == UInt8(ascii: "0") {
          if sawPoint { scale -= 1 }
        } else if significant < 19 {
          mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
          significant += 1
          if sawPoint { scale -= 1 }
        } else {
          significant += 1
          if !sawPoint { scale += 1 }
        }
      } else if byte == UInt8(ascii: "."), !sawPoint {
        sawPoint = true
        whole = false
      } else {
        break
      }
      i += 1
    }
    guard digits > 0 else { return nil }
    if i < end {
      guard bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") else { return nil }
      whole = false
      i += 1
      var exponentNegative = false
      if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var exponent = 0
      var exponentDigits = 0
      while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
        exponent = min(exponent * 10 + Int(bytes[i] - UInt8(ascii: "0")), 100_000)
        exponentDigits += 1
        i += 1
      }
      guard exponentDigits > 0, i == end else { return nil }
      scale += exponentNegative ? -exponent : exponent
    }
    if significant <= 15, mantissa < (1 << 53), abs(scale) <= 22 {
      var value = Double(mantissa)
      if scale < 0 { value /= powers[-scale] } else if scale > 0 { value *= powers[scale] }
      return (negative ? -value : value, whole)
    }
    guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else {
      return nil
    }
    return (value, whole)
  }

  private static let powers: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
