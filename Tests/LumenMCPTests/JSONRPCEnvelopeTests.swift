import Foundation
import MCP
import Testing

@testable import LumenMCP

@Suite struct JSONRPCEnvelopeTests {
  static func envelope(_ json: String) -> JSONRPCEnvelope? {
    JSONRPCEnvelope(data: Data(json.utf8))
  }

  @Test func tellsTheKindsApart() throws {
    let call = try #require(
      Self.envelope(#"{"id":"7","method":"tools/call","params":{"_meta":{"progressToken":3}}}"#))
    #expect(call.kind == .request(id: .string("7"), method: "tools/call"))
    #expect(call.progressToken == .number(3))
    #expect(Self.envelope(#"{"id":1,"method":"initialize"}"#)?.isInitializeRequest == true)
    #expect(Self.envelope(#"{"id":8,"error":{"code":1}}"#)?.kind == .response(id: .number(8)))
    let progress = try #require(
      Self.envelope(#"{"method":"notifications/progress","params":{"progressToken":"t"}}"#))
    #expect(progress.kind == .notification(method: "notifications/progress"))
    #expect(progress.progressToken == .string("t"))
    let cancel = Self.envelope(#"{"method":"notifications/cancelled","params":{"requestId":4}}"#)
    #expect(cancel?.cancelledRequestID == .number(4))
  }

  @Test(arguments: [#"[]"#, #"{"id":1}"#, #"{"result":{}}"#, "nope", #"{"id":true,"result":1}"#])
  func refusesWhatIsNotOneMessage(_ json: String) {
    #expect(Self.envelope(json) == nil)
  }
}
