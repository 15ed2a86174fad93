/// The few JSON values a heatmap page's settings need, written directly (Foundation's
/// `JSONSerialization` casts every value of an `[String: Any]` at run time, which cost a page
/// of a thousand labels more than the rest of its settings), safe inside a `<script>` element.
enum MetaJSON {
  case string(String)
  case strings([String])
  case number(Double)
  case bool(Bool)
  case null
  case raw(String)

  /// `{"key":value,…}` in the order given.
  static func object(_ members: [(String, MetaJSON)]) -> String {
    var out = "{"
    for (k, (key, value)) in members.enumerated() {
      if k > 0 { out += "," }
      append(key, to: &out)
      out += ":"
      value.write(to: &out)
    }
    return out + "}"
  }

  /// `[[week,"Jan"],…]`: a calendar's month ticks.
  static func ticks(_ ticks: [(Int, String)]) -> MetaJSON {
    var out = "["
    for (k, (week, name)) in ticks.enumerated() {
      if k > 0 { out += "," }
      out += "[\(week),"
      append(name, to: &out)
      out += "]"
    }
    return .raw(out + "]")
  }

  private func write(to out: inout String) {
    switch self {
    case .string(let s): Self.append(s, to: &out)
    case .strings(let list):
      out += "["
      for (k, s) in list.enumerated() {
        if k > 0 { out += "," }
        Self.append(s, to: &out)
      }
      out += "]"
    case .number(let v): out += v.isFinite ? ValueText.shortest(v) : "null"
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .raw(let text): out += text
    }
  }

  /// A JSON string literal; `<` written as `\u003c` so no `</script>` can end the element.
  private static func append(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "<": out += "\\u003c"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
