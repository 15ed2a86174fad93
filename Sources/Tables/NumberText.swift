/// Numbers as people write them in tables: `1234.5`, `-3`, `1,234,567.89`, `$12`, `12.5%`,
/// `€ 9`, `1e6`.
enum NumberText {
  /// A number read from text, with the unit around it.
  struct Reading: Equatable {
    var value: Double
    var unit: ValueUnit?
    /// Written without a fraction or exponent.
    var isWhole: Bool
  }

  /// Reads `text` (already trimmed) as a number, or `nil`.
  static func read(_ text: Substring) -> Reading? {
    // The common case first: plain ASCII digits, sign, point, exponent.
    var plain = true
    var plainWhole = true
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): continue
      case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): plainWhole = false
      default: plain = false
      }
      if !plain { break }
    }
    if plain {
      guard let first = text.utf8.first, first != UInt8(ascii: "+") || text.utf8.count > 1,
        let value = Double(text), value.isFinite
      else { return nil }
      return Reading(value: value, unit: nil, isWhole: plainWhole)
    }
    var body = text
    var unit: ValueUnit?
    var negative = false
    if body.first == "-" || body.first == "+" {
      negative = body.first == "-"
      body = body.dropFirst()
    }
    if let first = body.first, let prefix = prefixUnit(first) {
      unit = prefix
      body = body.dropFirst().drop(while: { $0 == " " })
      if !negative, body.first == "-" {
        negative = true
        body = body.dropFirst()
      }
    } else if let last = body.last, let suffix = suffixUnit(last) {
      unit = suffix
      body = body.dropLast()
      while body.last == " " { body = body.dropLast() }
    }
    guard let first = body.utf8.first,
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        || first == UInt8(ascii: ".")
    else { return nil }
    var digits = ""
    var whole = true
    if body.contains(",") {
      // Thousands separators only: groups of three after the first group, before any point.
      let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
      guard groups.count > 1, (1...3).contains(groups[0].count),
        groups.dropFirst().allSatisfy({ $0.count == 3 })
      else { return nil }
      digits = groups.joined()
      if parts.count == 2 {
        digits += "." + parts[1]
        whole = false
      }
    } else {
      digits = String(body)
      whole = !body.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    }
    guard digits.utf8.allSatisfy({ isNumberByte($0) }), let value = Double(digits), value.isFinite
    else { return nil }
    return Reading(value: negative ? -value : value, unit: unit, isWhole: whole)
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
      || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "+")
  }

  private static func prefixUnit(_ c: Character) -> ValueUnit? {
    switch c {
    case "$": .dollar
    case "€": .euro
    case "£": .pound
    case "¥": .yen
    default: nil
    }
  }

  private static func suffixUnit(_ c: Character) -> ValueUnit? {
    switch c {
    case "%": .percent
    case "€": .euro
    default: nil
    }
  }

  /// A number written plainly: integers without a fraction, others with up to 6 significant
  /// digits after trimming (`3.26`, `1200`, `0.000123`).
  static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(value)
    if abs(value) >= 1e-4, abs(value) < 1e15 {
      let magnitude = Int(floor(log10(abs(value))))
      let decimals = max(0, min(12, 5 - magnitude))
      text = fixed(value, decimals: decimals)
    }
    return text
  }

  /// `value` with exactly `decimals` digits after the point, trailing zeros removed.
  static func fixed(_ value: Double, decimals: Int) -> String {
    let scale = pow(10, Double(decimals))
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if text.contains("e") { return text }
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }
}

#if canImport(Glibc)
  import Glibc
#endif
