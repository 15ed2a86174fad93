import Foundation
import MCP

/// The answer to `tools/list`, encoded once and sent by the transports themselves.
///
/// The SDK's `Server` turns every result into its `Value` type before sending it, and decoding
/// a string into `Value` builds and runs a regular expression (`Data.isDataURL`) for that
/// string: the few hundred strings of Lumen's schemas made each `tools/list` cost about 30 ms
/// (a debug build: 33 ms at p50, where a ping took 0.3 ms). The listing never changes, so both
/// transports answer a `tools/list` request (one without a `cursor`) from these bytes as soon
/// as it arrives, even while heavy calls run; every other message goes to the `Server`.
package struct ToolListReply: Sendable {
  private let result: [UInt8]

  /// Encodes the listing of `tools`.
  package init(tools: [MCP.Tool]) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    result = Array(try encoder.encode(ListTools.Result(tools: tools)))
  }

  private static let marker = Array("tools/list".utf8)

  /// The response to `message` when it is a `tools/list` request, else `nil`.
  package func reply(to message: [UInt8]) -> [UInt8]? {
    // Most messages are not listings: look for the method name before parsing.
    guard message.firstRange(of: Self.marker) != nil,
      let object = try? JSONSerialization.jsonObject(with: Data(message)) as? [String: Any],
      object["jsonrpc"] as? String == "2.0", object["method"] as? String == "tools/list"
    else { return nil }
    if let params = object["params"] as? [String: Any], params["cursor"] != nil { return nil }
    let id: String
    switch object["id"] {
    case let text as String:
      guard let data = try? JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed)
      else { return nil }
      id = String(decoding: data, as: UTF8.self)
    case let number as Int: id = String(number)
    default: return nil  // a notification, or an id the Server's own checks should answer
    }
    return Array(#"{"jsonrpc":"2.0","id":\#(id),"result":"#.utf8) + result + [UInt8(ascii: "}")]
  }
}
