internal import Foundation
internal import MCP

/// Checks a POSTed JSON-RPC message before the SDK sees it, so that every malformed message
/// gets an answer with the right code: a body that is not JSON (-32700), not one message object
/// or with an `id` that is neither a string nor an integer (-32600: the SDK cannot answer it),
/// or `params` that are not an object (-32602: the SDK called it an internal error).
enum JSONRPCCheck {
  /// What is wrong with the message, or `nil` when the SDK may take it.
  static func problem(in body: Data) -> MCPError? {
    guard let parsed = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
      return .parseError("the body is not JSON")
    }
    guard let message = parsed as? [String: Any] else {
      return .invalidRequest("send one JSON-RPC message object (batches are not part of MCP)")
    }
    if let id = message["id"], !isValidID(id) {
      return .invalidRequest("id must be a string or an integer")
    }
    if message["method"] != nil, let params = message["params"], !(params is [String: Any]) {
      return .invalidParams("params must be an object")
    }
    return nil
  }

  /// A string, or a whole number that fits an `Int` (no fraction, no exponent overflow).
  static func isValidID(_ id: Any) -> Bool {
    if id is String { return true }
    guard type(of: id) != Bool.self, let number = id as? NSNumber, String(cString: number.objCType) != "c"
    else { return false }
    let value = number.doubleValue
    return value.isFinite && value.rounded() == value && abs(value) < 9.0e15
  }
}
