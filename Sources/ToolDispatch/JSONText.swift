internal import Foundation

/// Compact, key-sorted JSON text (byte-identical for equal values).
public enum JSONText {
  public static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  public static func decode(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  /// A `Decodable` value from a JSON value.
  public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(encode(value).utf8))
  }

  /// An `Encodable` value as a JSON value.
  public static func value<T: Encodable>(of encodable: T) throws -> JSONValue {
    try decode(encode(encodable))
  }
}
