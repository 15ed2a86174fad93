/// The strict JSON Schema subset OpenAI's `strict: true`, Anthropic and MCP all accept: objects
/// list every property as required and forbid others; optional values are `["T", "null"]`.
public indirect enum JSONSchema: Sendable, Hashable {
  case string(description: String?, allowed: [String]?)
  case integer(description: String?, bounds: ClosedRange<Double>?)
  case number(description: String?, bounds: ClosedRange<Double>?)
  case boolean(description: String?)
  case array(items: JSONSchema, description: String?)
  case object(properties: [Property], description: String?)
  /// An object with any keys, each value matching `values` (a `[String: T]` in an output).
  case dictionary(values: JSONSchema, description: String?)
  case nullable(JSONSchema)
  /// A number or a text (a statistic that is a date for some columns), in an output.
  case numberOrString(description: String?)

  /// One property of an object, in declaration order.
  public struct Property: Sendable, Hashable {
    public var name: String
    public var schema: JSONSchema
    /// Whether the key must be present. Always true in argument schemas (the strict subset);
    /// false for optional values of an output, which encoders leave out when `nil`.
    public var isRequired = true
  }

  /// The schema as JSON.
  public var json: JSONValue {
    switch self {
    case .nullable(let wrapped):
      guard case .object(var object) = wrapped.json else { return wrapped.json }
      if case .string(let type) = object["type"] {
        object["type"] = .array([.string(type), .string("null")])
      } else if case .array(let types) = object["type"] {
        object["type"] = .array(types + [.string("null")])
      }
      if case .array(let values) = object["enum"] { object["enum"] = .array(values + [.null]) }
      return .object(object)
    case .string(let description, let allowed):
      var object: [String: JSONValue] = ["type": .string("string")]
      if let allowed { object["enum"] = .array(allowed.map(JSONValue.string)) }
      return .object(Self.described(object, description))
    case .integer(let description, let bounds), .number(let description, let bounds):
      var object: [String: JSONValue] = ["type": .string(isInteger ? "integer" : "number")]
      if let bounds {
        object["minimum"] = .number(bounds.lowerBound)
        object["maximum"] = .number(bounds.upperBound)
      }
      return .object(Self.described(object, description))
    case .boolean(let description):
      return .object(Self.described(["type": .string("boolean")], description))
    case .numberOrString(let description):
      return .object(
        Self.described(["type": .array([.string("number"), .string("string")])], description))
    case .array(let items, let description):
      return .object(Self.described(["type": .string("array"), "items": items.json], description))
    case .object(let properties, let description):
      var map: [String: JSONValue] = [:]
      for property in properties { map[property.name] = property.schema.json }
      return .object(
        Self.described(
          [
            "type": .string("object"), "properties": .object(map),
            "required": .array(properties.filter(\.isRequired).map { .string($0.name) }),
            "additionalProperties": .bool(false),
          ], description))
    case .dictionary(let values, let description):
      return .object(
        Self.described(
          ["type": .string("object"), "additionalProperties": values.json], description))
    }
  }

  private var isInteger: Bool {
    if case .integer = self { return true }
    return false
  }

  private static func described(_ object: [String: JSONValue], _ description: String?) -> [String:
    JSONValue]
  {
    guard let description else { return object }
    var copy = object
    copy["description"] = .string(description)
    return copy
  }
}
