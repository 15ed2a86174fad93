internal import Foundation
internal import Hummingbird
internal import MCP

extension MCP.HTTPRequest {
  /// The SDK's framework-neutral request for a Hummingbird request and its collected body
  /// (repeated headers joined with ", ", as RFC 9110 allows).
  init(_ request: Hummingbird.Request, body: Data) {
    var headers: [String: String] = [:]
    for field in request.headers {
      let name = field.name.canonicalName
      headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
    }
    self.init(
      method: request.method.rawValue, headers: headers, body: body.isEmpty ? nil : body,
      path: request.uri.path)
  }
}
