internal import Foundation

/// The options of one operation, described once: a `Codable` type whose `init(from:)` reads
/// every setting a caller may give (missing or null means the default), whose ``fields`` say
/// what each one means, and whose validation speaks in field names.
///
/// A tool's arguments decode it (so the tool's schema is derived from it) and the command line
/// builds it from its flags with ``decoding(_:)``, so parsing, defaults and ranges live once.
public protocol OperationOptions: Codable, Sendable {
  /// Every setting the decoder reads, in the order of the schema.
  static var fields: [OptionField] { get }
}

extension OperationOptions {
  /// The field with `key` (a programming error when there is none).
  public static func field(_ key: String) -> OptionField {
    guard let field = fields.first(where: { $0.key == key }) else {
      preconditionFailure("\(Self.self) has no option \(key)")
    }
    return field
  }

  /// Each field's description for a tool schema, by key; `narrowed` gives a tool's tighter
  /// bounds for some fields (a server's limits), stated instead of the operation's.
  public static func fieldDescriptions(narrowed: [String: ClosedRange<Double>] = [:]) -> [String:
    String]
  {
    Dictionary(
      uniqueKeysWithValues: fields.map { ($0.key, $0.toolDescription(bounds: narrowed[$0.key])) })
  }

  /// Each numeric field's bounds, by key, with a tool's `narrowed` ones instead.
  public static func fieldBounds(narrowed: [String: ClosedRange<Double>] = [:]) -> [String:
    ClosedRange<Double>]
  {
    Dictionary(
      uniqueKeysWithValues: fields.compactMap { f in
        (narrowed[f.key] ?? f.bounds).map { (f.key, $0) }
      })
  }

  /// Decodes the options from plain values by key (numbers, strings, booleans, arrays of
  /// them), leaving out the ones that are `nil`: how a command line passes its flags through
  /// the same decoder a tool call goes through.
  public static func decoding(_ values: [String: Any?]) throws -> Self {
    let present = values.compactMapValues { $0 }
    let data = try JSONSerialization.data(withJSONObject: present)
    return try JSONDecoder().decode(Self.self, from: data)
  }
}
