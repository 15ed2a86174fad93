/// Optionals nested where no key can be left out (an array of `Double?` in an output): their
/// schema is the wrapped one, nullable.
protocol DecodableOptional {
  static var nothing: Self { get }
  static func wrappedSchema(mode: SchemaRecorder.Mode) throws -> JSONSchema
}

extension Optional: DecodableOptional where Wrapped: Decodable {
  static var nothing: Wrapped? { nil }
  static func wrappedSchema(mode: SchemaRecorder.Mode) throws -> JSONSchema {
    .nullable(
      try SchemaRecorder.describe(Wrapped.self, description: nil, bounds: nil, mode: mode).schema)
  }
}
