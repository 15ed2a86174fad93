import Foundation

/// Prints an operation's report: JSON on stdout with `--json`, else the text summary.
enum Report {
  static func print<T: Encodable>(_ value: T, json: Bool, text: (T) -> String) {
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      if let data = try? encoder.encode(value) {
        Swift.print(String(decoding: data, as: UTF8.self))
      }
    } else {
      Swift.print(text(value))
    }
  }
}
