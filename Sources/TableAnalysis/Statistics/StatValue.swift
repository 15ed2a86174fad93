/// A statistic's value in `stats.json`: a number, or text for dates and words.
public enum StatValue: Sendable, Hashable, Codable {
  case number(Double)
  case text(String)

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else {
      self = .text(try container.decode(String.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let n):
      if n.isFinite { try container.encode(n) } else { try container.encodeNil() }
    case .text(let t): try container.encode(t)
    }
  }

  /// The value as the report and messages show it: text as it is, numbers to six significant
  /// digits.
  public var shown: String {
    switch self {
    case .number(let n): NumberFormat.short(n)
    case .text(let t): t
    }
  }

  /// The number, if it is one.
  public var number: Double? {
    if case .number(let n) = self { n } else { nil }
  }
}
