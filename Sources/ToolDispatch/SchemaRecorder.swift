/// Derives a ``JSONSchema`` by running a type's `init(from:)` against a decoder that records
/// every key it asks for, the type it asks for, and whether it used `decodeIfPresent`.
enum SchemaRecorder {
  struct Unsupported: Error, CustomStringConvertible {
    var description: String
  }

  static func schema<T: ToolArguments>(of type: T.Type) throws -> JSONSchema {
    try describe(T.self, description: nil, bounds: nil).schema
  }

  /// The schema of `type` and a placeholder value of it.
  static func describe<T: Decodable>(_ type: T.Type, description: String?, bounds: ClosedRange<Double>?)
    throws -> (schema: JSONSchema, value: T)
  {
    switch type {
    case is String.Type: return (.string(description: description, allowed: nil), "" as! T)
    case is Bool.Type: return (.boolean(description: description), false as! T)
    case is Int.Type: return (.integer(description: description, bounds: bounds), Int(bounds?.lowerBound ?? 0) as! T)
    case is Double.Type: return (.number(description: description, bounds: bounds), (bounds?.lowerBound ?? 0) as! T)
    default: break
    }
    if let enumeration = type as? any SchemaEnum.Type {
      let (values, first) = Self.cases(of: enumeration)
      return (.string(description: description, allowed: values), first as! T)
    }
    if let array = type as? any DecodableArray.Type {
      let items = try Self.items(of: array)
      return (.array(items: items, description: description), array.empty as! T)
    }
    if let arguments = type as? any ToolArguments.Type {
      let recorder = Recorder(descriptions: arguments.fieldDescriptions, bounds: arguments.fieldBounds)
      let value = try T(from: recorder)
      return (.object(properties: recorder.state.properties, description: description), value)
    }
    throw Unsupported(description: "\(type) cannot appear in tool arguments")
  }

  private static func cases<E: SchemaEnum>(of type: E.Type) -> ([String], E) {
    let all = Array(E.allCases)
    return (all.map(\.rawValue), all[0])
  }

  private static func items<A: DecodableArray>(of type: A.Type) throws -> JSONSchema {
    try A.itemSchema()
  }
}

/// Arrays whose element schema the recorder can describe.
protocol DecodableArray {
  static var empty: Self { get }
  static func itemSchema() throws -> JSONSchema
}

extension Array: DecodableArray where Element: Decodable {
  static var empty: [Element] { [] }
  static func itemSchema() throws -> JSONSchema {
    try SchemaRecorder.describe(Element.self, description: nil, bounds: nil).schema
  }
}

final class RecordingState {
  var properties: [JSONSchema.Property] = []
}

struct Recorder: Decoder {
  let state = RecordingState()
  let descriptions: [String: String]
  let bounds: [String: ClosedRange<Double>]
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] = [:]

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(KeyedRecorder<Key>(recorder: self))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    throw SchemaRecorder.Unsupported(description: "tool arguments must be an object")
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    throw SchemaRecorder.Unsupported(description: "tool arguments must be an object")
  }
}

struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let recorder: Recorder
  var codingPath: [any CodingKey] = []
  var allKeys: [Key] = []

  func contains(_ key: Key) -> Bool { true }
  func decodeNil(forKey key: Key) throws -> Bool { false }

  private func record<T: Decodable>(_ type: T.Type, _ key: Key, nullable: Bool) throws -> T {
    let (schema, value) = try SchemaRecorder.describe(
      T.self, description: recorder.descriptions[key.stringValue],
      bounds: recorder.bounds[key.stringValue])
    recorder.state.properties.append(.init(name: key.stringValue, schema: nullable ? .nullable(schema) : schema))
    return value
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try record(type, key, nullable: false) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try record(type, key, nullable: false) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try record(type, key, nullable: false) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try record(type, key, nullable: false) }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try record(type, key, nullable: false) }

  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { _ = try record(type, key, nullable: true); return nil }
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { _ = try record(type, key, nullable: true); return nil }
  func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { _ = try record(type, key, nullable: true); return nil }
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { _ = try record(type, key, nullable: true); return nil }
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    _ = try record(type, key, nullable: true)
    return nil
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    throw SchemaRecorder.Unsupported(description: "use a nested ToolArguments struct for \(key.stringValue)")
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    throw SchemaRecorder.Unsupported(description: "use an array type for \(key.stringValue)")
  }

  func superDecoder() throws -> any Decoder { recorder }
  func superDecoder(forKey key: Key) throws -> any Decoder { recorder }
}
