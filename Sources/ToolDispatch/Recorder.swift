/// A `Decoder` that answers every request with a placeholder and records what was asked.
struct Recorder: Decoder {
  let state = RecordingState()
  let descriptions: [String: String]
  let bounds: [String: ClosedRange<Double>]
  let mode: SchemaRecorder.Mode
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] = [:]

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(KeyedRecorder<Key>(recorder: self))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    throw SchemaRecorder.Unsupported(description: "use an array type, not a custom unkeyed decoder")
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    throw SchemaRecorder.Unsupported(
      description: "a single-value type (make an enum a SchemaEnum) cannot be described")
  }
}
