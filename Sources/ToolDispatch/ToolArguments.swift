/// The arguments of a tool: a plain `Decodable` struct whose schema is derived from its own
/// `init(from:)` (see ``SchemaRecorder``), so the schema and the decoder cannot drift.
///
/// Use only strings, integers, doubles, booleans, ``SchemaEnum`` types, arrays and nested
/// argument structs, and `decodeIfPresent` for optional fields (they become `["T", "null"]`).
public protocol ToolArguments: Decodable, Sendable {
  /// What each field means, for the model (by coding key).
  static var fieldDescriptions: [String: String] { get }
  /// Inclusive bounds of numeric fields (by coding key); also stated in the descriptions.
  static var fieldBounds: [String: ClosedRange<Double>] { get }
}

extension ToolArguments {
  public static var fieldBounds: [String: ClosedRange<Double>] { [:] }

  /// The JSON Schema of these arguments.
  public static var schema: JSONSchema {
    get throws { try SchemaRecorder.schema(of: Self.self) }
  }
}

/// A closed set of strings (a preset, a codec): its cases become the schema's `enum`.
public protocol SchemaEnum: CaseIterable, RawRepresentable, Decodable, Sendable
where RawValue == String {}

/// A value of a tool's output that is a number or a text (decoded from a single value): its
/// schema is `["number", "string"]`; `schemaPlaceholder` stands for it while the schema is
/// recorded.
public protocol SchemaNumberOrString: Decodable, Sendable {
  static var schemaPlaceholder: Self { get }
}
