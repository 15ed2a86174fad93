import Foundation
import LumenMCP
import MCP
import Testing

@Suite struct ToolListReplyTests {
  static let tools = [
    MCP.Tool(
      name: "echo", description: "Says \"hi\" back / twice.",
      inputSchema: .object([
        "type": "object", "properties": .object(["text": .object(["type": "string"])]),
      ]))
  ]

  func reply(_ message: String) throws -> [UInt8]? {
    try ToolListReply(tools: Self.tools).reply(to: Array(message.utf8))
  }

  /// The bytes decode, with the SDK's own types, to the listing and the request's id.
  @Test(arguments: [#"7"#, #""a\"b""#])
  func answersAListingRequest(id: String) throws {
    let bytes = try #require(try reply(#"{"jsonrpc":"2.0","id":\#(id),"method":"tools/list"}"#))
    let response = try JSONDecoder().decode(Response<ListTools>.self, from: Data(bytes))
    let expected = try JSONDecoder().decode(ID.self, from: Data(id.utf8))
    #expect(response.id == expected)
    #expect(try response.result.get().tools == Self.tools)
  }

  @Test func leavesEverythingElseToTheServer() throws {
    #expect(try reply(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{}}"#) == nil)
    #expect(try reply(#"{"jsonrpc":"2.0","method":"tools/list"}"#) == nil)  // no id
    #expect(
      try reply(#"{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"cursor":"x"}}"#) == nil)
    #expect(try reply(#"{"jsonrpc":"2.0","id":null,"method":"tools/list"}"#) == nil)
    #expect(try reply(#"{"id":1,"method":"tools/list"}"#) == nil)  // not JSON-RPC 2.0
    #expect(
      try reply(#"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"note":"tools/list"}}"#) == nil)
    #expect(try reply("tools/list, not JSON") == nil)
  }
}
