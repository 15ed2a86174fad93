/// Decimal numbers read straight from bytes (`-12`, `3.25`, `1e-3`), exactly as `Double(String)`
/// reads them: Clinger's fast path when the digits fit 2⁵³ and the power of ten is at most 22
/// (both exact, so one correctly rounded operation), otherwise the standard library's parser.
enum PlainNumber {
  /// The value and whether it was written without a fraction or exponent; `nil` for anything
  /// but an optional sign, digits, one point and an optional exponent.
  static func read(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (value: Double, whole: Bool)? {
    if let short = readShort(bytes) { return short }
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

  /// The common case in one tight loop: an optional `-`, at most 15 digits with at most one
  /// point among them (`77.736`, `-0.05`, `1200`). The digits, leading zeros included, fit
  /// 2⁵³, so the value is the same one correctly rounded division as in ``read(_:)``; `nil`
  /// sends anything else there.
  @inline(__always)
  private static func readShort(_ bytes: Slice<UnsafeBufferPointer<UInt8>>)
    -> (value: Double, whole: Bool)?
  {
    guard let base = bytes.base.baseAddress, bytes.startIndex < bytes.endIndex else {
      return nil
    }
    var p = base + bytes.startIndex
    let end = base + bytes.endIndex
    let negative = p.pointee == UInt8(ascii: "-")
    if negative { p += 1 }
    guard end - p <= 16, p < end else { return nil }
    let (mantissa, digits, point, stop) = scanDigits(p, end)
    guard stop == end else { return nil }
    guard digits > 0, digits <= 15 else { return nil }
    return (short(mantissa, digits: digits, point: point, negative: negative), point < 0)
  }

  /// Digits with at most one point, from `p` up to `end` or the first other byte: the digits
  /// as one integer (callers keep at most 15 of them, which it holds exactly), how many, after
  /// how many of them the point came (-1: none), and where the scan stopped.
  @inline(__always)
  static func scanDigits(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (
    mantissa: UInt64, digits: Int, point: Int, stop: UnsafePointer<UInt8>
  ) {
    var p = p
    var mantissa: UInt64 = 0
    var digits = 0
    var point = -1
    while p < end {
      let byte = p.pointee
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        mantissa = mantissa &* 10 &+ UInt64(digit)
        digits += 1
      } else if byte == UInt8(ascii: "."), point < 0 {
        point = digits
      } else {
        break
      }
      p += 1
    }
    return (mantissa, digits, point, p)
  }

  /// The value of at most 15 digits read as `mantissa`, with the point after `point` of them
  /// (-1: none): one correctly rounded division, as ``read(_:)`` computes it.
  @inline(__always)
  static func short(_ mantissa: UInt64, digits: Int, point: Int, negative: Bool) -> Double {
    var value = Double(mantissa)
    if point >= 0, digits > point { value /= power(digits - point) }
    return negative ? -value : value
  }

  /// 10^`exponent` (0…22, exact): the usual few as constants, with no look-up of the static
  /// table (whose every read checks that it was made).
  @inline(__always)
  private static func power(_ exponent: Int) -> Double {
    switch exponent {
    case 1: 10
    case 2: 100
    case 3: 1_000
    case 4: 10_000
    case 5: 100_000
    case 6: 1_000_000
    default: powers[exponent]
    }
  }

  private static let powers: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
