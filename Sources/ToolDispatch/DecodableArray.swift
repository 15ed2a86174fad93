/// Arrays whose element schema the recorder can describe.
protocol DecodableArray {
  static var empty: Self { get }
  static func itemSchema(mode: SchemaRecorder.Mode) throws -> JSONSchema
}

extension Array: DecodableArray where Element: Decodable {
  static var empty: [Element] { [] }
  static func itemSchema(mode: SchemaRecorder.Mode) throws -> JSONSchema {
    try SchemaRecorder.describe(Element.self, description: nil, bounds: nil, mode: mode).schema
  }
}
