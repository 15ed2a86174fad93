/// The keyed container of a ``Recorder``: records each key, its type and optionality.
struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let recorder: Recorder
  var codingPath: [any CodingKey] = []
  var allKeys: [Key] = []

  func contains(_ key: Key) -> Bool { true }
  func decodeNil(forKey key: Key) throws -> Bool { false }

  private func record<T: Decodable>(_ type: T.Type, _ key: Key, nullable: Bool) throws -> T {
    let (schema, value) = try SchemaRecorder.describe(
      T.self, description: recorder.descriptions[key.stringValue],
      bounds: recorder.bounds[key.stringValue], mode: recorder.mode)
    // Encoders leave a nil optional out of an output; arguments always carry the key (as null).
    recorder.state.properties.append(
      .init(
        name: key.stringValue, schema: nullable ? .nullable(schema) : schema,
        isRequired: !(nullable && recorder.mode == .output)))
    return value
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try record(type, key, nullable: false)
  }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try record(type, key, nullable: false)
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try record(type, key, nullable: false)
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try record(type, key, nullable: false)
  }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try record(type, key, nullable: false)
  }

  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
    _ = try record(type, key, nullable: true)
    return nil
  }
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    _ = try record(type, key, nullable: true)
    return nil
  }
  func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
    _ = try record(type, key, nullable: true)
    return nil
  }
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
    _ = try record(type, key, nullable: true)
    return nil
  }
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    _ = try record(type, key, nullable: true)
    return nil
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    throw SchemaRecorder.Unsupported(
      description: "use a nested ToolArguments struct for \(key.stringValue)")
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    throw SchemaRecorder.Unsupported(description: "use an array type for \(key.stringValue)")
  }

  func superDecoder() throws -> any Decoder { recorder }
  func superDecoder(forKey key: Key) throws -> any Decoder { recorder }
}
