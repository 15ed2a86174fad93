import Foundation
import MCP

/// What a transport (stdio or HTTP) needs to know of one JSON-RPC message to route it: whether it is a request,
/// a notification or a response, its id, and the request it relates to through a progress token
/// or a cancellation.
///
/// ```swift
/// let envelope = JSONRPCEnvelope(data: Data(#"{"jsonrpc":"2.0","id":7,"method":"ping"}"#.utf8))
/// // envelope?.kind == .request(id: .number(7), method: "ping")
/// ```
package struct JSONRPCEnvelope: Sendable, Equatable {
  /// The three kinds of JSON-RPC message.
  package enum Kind: Sendable, Equatable {
    /// A request, answered by a response with the same id.
    case request(id: ID, method: String)
    /// A notification: a method without an id, never answered.
    case notification(method: String)
    /// A response (result or error) to the request with this id.
    case response(id: ID)
  }

  /// The kind of message.
  package let kind: Kind
  /// A request's `params._meta.progressToken`, or a `notifications/progress`'s
  /// `params.progressToken`.
  package let progressToken: ID?
  /// The `params.requestId` of a `notifications/cancelled`.
  package let cancelledRequestID: ID?

  /// Reads a message, or `nil` when the data is not one JSON-RPC message object.
  package init?(data: Data) {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      return nil
    }
    let id = object["id"].flatMap(Self.id(from:))
    let params = object["params"] as? [String: Any]
    if let method = object["method"] as? String {
      if let id {
        kind = .request(id: id, method: method)
        let meta = params?["_meta"] as? [String: Any]
        progressToken = meta?["progressToken"].flatMap(Self.id(from:))
        cancelledRequestID = nil
      } else {
        kind = .notification(method: method)
        let token = params?["progressToken"].flatMap(Self.id(from:))
        progressToken = method == "notifications/progress" ? token : nil
        cancelledRequestID =
          method == "notifications/cancelled" ? params?["requestId"].flatMap(Self.id(from:)) : nil
      }
    } else if object["result"] != nil || object["error"] != nil, let id {
      kind = .response(id: id)
      progressToken = nil
      cancelledRequestID = nil
    } else {
      return nil
    }
  }

  /// Whether the message is an `initialize` request.
  package var isInitializeRequest: Bool {
    if case .request(_, "initialize") = kind { return true }
    return false
  }

  /// A JSON string or integer as an SDK `ID` (also the shape of progress tokens); `nil` for
  /// anything else (booleans, fractions, objects).
  package static func id(from value: Any) -> ID? {
    if let string = value as? String { return .string(string) }
    guard type(of: value) != Bool.self, let number = value as? NSNumber,
      String(cString: number.objCType) != "c"
    else { return nil }
    let double = number.doubleValue
    guard double.isFinite, double.rounded() == double, abs(double) < 9.0e15 else { return nil }
    return .number(number.intValue)
  }
}
