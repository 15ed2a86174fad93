internal import Foundation
internal import Hummingbird
internal import MCP

extension Hummingbird.Response {
  /// The Hummingbird response for the SDK's: a JSON body, nothing, or a server-sent-event stream
  /// written as the session produces it.
  init(_ response: MCP.HTTPResponse) {
    var fields = HTTPFields()
    for (name, value) in response.headers {
      guard let name = HTTPFields.Element.Name(name) else { continue }
      fields[name] = value
    }
    let body: ResponseBody
    switch response {
    case .stream(let events, _):
      body = ResponseBody(asyncSequence: events.map { ByteBuffer(bytes: $0) })
    default:
      body =
        response.bodyData.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody()
    }
    self.init(status: .init(code: response.statusCode), headers: fields, body: body)
  }
}
