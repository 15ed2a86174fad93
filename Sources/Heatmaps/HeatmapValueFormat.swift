internal import Foundation

/// How values are written in cells and along the colour bar: a small part of Python's format
/// mini-language, `[,][.N](f|%|e)` — `.2f` two decimals, `,.0f` thousands grouped, `.1%` a
/// share as a percentage, `.3e` scientific.
public struct HeatmapValueFormat: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Character, Sendable, Hashable {
    case fixed = "f"
    case percent = "%"
    case scientific = "e"
  }

  public var grouped: Bool
  public var decimals: Int
  public var kind: Kind

  /// Reads a spec such as `.2f`, `,.0f`, `.1%` or `.3e`; `nil` when it is not one.
  public init?(_ spec: String) {
    var rest = Substring(spec)
    grouped = rest.first == ","
    if grouped { rest = rest.dropFirst() }
    guard let last = rest.last, let kind = Kind(rawValue: last) else { return nil }
    self.kind = kind
    rest = rest.dropLast()
    if rest.isEmpty {
      decimals = kind == .scientific ? 2 : 0
    } else {
      guard rest.first == ".", let n = Int(rest.dropFirst()), (0...10).contains(n) else {
        return nil
      }
      decimals = n
    }
  }

  /// A format with `decimals` digits, fixed.
  init(decimals: Int) {
    grouped = false
    self.decimals = decimals
    kind = .fixed
  }

  public var description: String {
    (grouped ? "," : "") + ".\(decimals)" + String(kind.rawValue)
  }

  /// `value` written in this format.
  public func string(_ value: Double) -> String {
    switch kind {
    case .fixed: return group(ValueText.fixed(value, decimals: decimals))
    case .percent: return group(ValueText.fixed(value * 100, decimals: decimals)) + "%"
    case .scientific:
      guard value != 0, value.isFinite else {
        return ValueText.fixed(0, decimals: decimals) + "e+00"
      }
      var exponent = Int(log10(abs(value)).rounded(.down))
      var mantissa = value / pow(10, Double(exponent))
      var text = ValueText.fixed(mantissa, decimals: decimals)
      if text.hasPrefix("10") || text.hasPrefix("-10") {
        exponent += 1
        mantissa = value / pow(10, Double(exponent))
        text = ValueText.fixed(mantissa, decimals: decimals)
      }
      let sign = exponent < 0 ? "-" : "+"
      let digits = String(abs(exponent))
      return text + "e" + sign + (digits.count < 2 ? "0" : "") + digits
    }
  }

  private func group(_ text: String) -> String {
    guard grouped else { return text }
    let negative = text.hasPrefix("-")
    let body = negative ? text.dropFirst() : Substring(text)
    let point = body.firstIndex(of: ".") ?? body.endIndex
    let whole = Array(body[..<point])
    var out = ""
    for (i, ch) in whole.enumerated() {
      if i > 0, (whole.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return (negative ? "-" : "") + out + body[point...]
  }

}
