/// Checks JSON arguments against a ``JSONSchema`` and says, per field, what is wrong and what
/// would be right — the MCP SDK does not validate, and a model needs to know what to fix.
public enum ArgumentValidator {
  /// One problem with one field.
  public struct Issue: Sendable, Hashable, CustomStringConvertible {
    /// The field, as a dotted path (`scale.width`, `colors[2]`), or `(arguments)`.
    public var field: String
    public var problem: String
    public var description: String { "\(field): \(problem)" }
  }

  /// All the problems of `value` (empty when it is valid).
  public static func issues(_ value: JSONValue, against schema: JSONSchema, at path: String = "")
    -> [Issue]
  {
    let field = path.isEmpty ? "(arguments)" : path
    switch schema {
    case .nullable(let wrapped):
      return value == .null ? [] : issues(value, against: wrapped, at: path)
    case .string(_, let allowed):
      guard case .string(let text) = value else {
        return [Issue(field: field, problem: "expected a string, got \(value.typeName)")]
      }
      if let allowed, !allowed.contains(text) {
        return [
          Issue(
            field: field,
            problem:
              "\"\(text)\" is not one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
        ]
      }
      return []
    case .numberOrString:
      switch value {
      case .number, .string: return []
      default:
        return [
          Issue(field: field, problem: "expected a number or a string, got \(value.typeName)")
        ]
      }
    case .boolean:
      guard case .bool = value else {
        return [Issue(field: field, problem: "expected true or false, got \(value.typeName)")]
      }
      return []
    case .integer(_, let bounds), .number(_, let bounds):
      guard case .number(let number) = value else {
        return [Issue(field: field, problem: "expected a number, got \(value.typeName)")]
      }
      if case .integer = schema, number.rounded() != number {
        return [Issue(field: field, problem: "expected a whole number, got \(number)")]
      }
      if let bounds, !bounds.contains(number) {
        return [
          Issue(
            field: field,
            problem:
              "\(format(number)) is outside \(format(bounds.lowerBound))…\(format(bounds.upperBound))"
          )
        ]
      }
      return []
    case .array(let items, _):
      guard case .array(let elements) = value else {
        return [Issue(field: field, problem: "expected an array, got \(value.typeName)")]
      }
      return elements.enumerated().flatMap { issues($1, against: items, at: "\(path)[\($0)]") }
    case .object(let properties, _):
      guard case .object(let object) = value else {
        return [Issue(field: field, problem: "expected an object, got \(value.typeName)")]
      }
      var found: [Issue] = []
      let known = Set(properties.map(\.name))
      for key in object.keys.sorted() where !known.contains(key) {
        found.append(
          Issue(
            field: join(path, key),
            problem: "unknown field; allowed: \(properties.map(\.name).joined(separator: ", "))"))
      }
      for property in properties {
        guard let member = object[property.name] else {
          // A nullable field left out means null: Anthropic and MCP clients omit them, and
          // OpenAI's strict mode only needs them listed as required in the schema.
          if case .nullable = property.schema { continue }
          found.append(Issue(field: join(path, property.name), problem: "missing required field"))
          continue
        }
        found += issues(member, against: property.schema, at: join(path, property.name))
      }
      return found
    case .dictionary(let values, _):
      guard case .object(let object) = value else {
        return [Issue(field: field, problem: "expected an object, got \(value.typeName)")]
      }
      return object.keys.sorted().flatMap { key in
        issues(object[key] ?? .null, against: values, at: join(path, key))
      }
    }
  }

  private static func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  /// A number as a model wrote it: whole numbers without `.0`; magnitudes beyond `Int64`
  /// (`1e308`) in exponent form instead of trapping in the conversion.
  static func format(_ number: Double) -> String {
    guard number.rounded() == number, abs(number) < 9.0e15 else { return "\(number)" }
    return String(Int64(number))
  }
}
