/// What a column holds, inferred from all its values (never cell by cell).
public enum ColumnKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Whole numbers.
  case integer
  /// Numbers with fractions.
  case float
  /// true/false (any case); yes/no stay a category, keeping their words.
  case boolean
  /// Calendar days.
  case date
  /// Moments with a time of day.
  case datetime
  /// Few distinct words (weather, continent).
  case category
  /// Free text.
  case text
  /// Unique keys (a column named like an id whose values never repeat).
  case identifier

  /// Whether the values are numbers.
  public var isNumeric: Bool { self == .integer || self == .float }
  /// Whether the values are moments.
  public var isTemporal: Bool { self == .date || self == .datetime }
}

extension ColumnKind {
  /// Whether a column's name reads like an identifier (`id`, `user_id`, `userId`, `key`,
  /// `uuid`, `code`): the rule the reader uses to tell ids from measures.
  public static func nameLooksLikeIdentifier(_ name: String) -> Bool {
    ColumnInference.looksLikeIdentifier(name)
  }
}
