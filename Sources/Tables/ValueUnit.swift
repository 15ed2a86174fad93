/// The unit written around a column's numbers (`$1,234.50`, `12.5%`, `€ 9`), kept so axes and
/// labels write it back.
public enum ValueUnit: String, Sendable, Hashable, Codable, CaseIterable {
  case percent = "%"
  case dollar = "$"
  case euro = "€"
  case pound = "£"
  case yen = "¥"

  /// Whether the unit is written before the number.
  public var isPrefix: Bool { self != .percent }

  /// `value` written with the unit (`$12`, `40%`).
  public func apply(to value: String) -> String {
    if isPrefix {
      return value.hasPrefix("-") ? "-" + rawValue + value.dropFirst() : rawValue + value
    }
    return value + rawValue
  }
}
