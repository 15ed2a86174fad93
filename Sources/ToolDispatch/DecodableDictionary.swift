/// `[String: T]` in a report: an object with any keys (outputs only; arguments list their keys).
protocol DecodableDictionary {
  static var empty: Self { get }
  static func valueSchema() throws -> JSONSchema
}

extension Dictionary: DecodableDictionary where Key == String, Value: Decodable {
  static var empty: [String: Value] { [:] }
  static func valueSchema() throws -> JSONSchema {
    try SchemaRecorder.describe(Value.self, description: nil, bounds: nil, mode: .output).schema
  }
}
