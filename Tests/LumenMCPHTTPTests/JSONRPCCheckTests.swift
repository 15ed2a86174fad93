import Foundation
import Testing

@testable import LumenMCPHTTP

@Suite struct JSONRPCCheckTests {
  @Test(arguments: [
    (#"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#, -32600),
    (#"{"jsonrpc":"2.0","id":[1],"method":"ping"}"#, -32600),
    (#"{"jsonrpc":"2.0","id":true,"method":"ping"}"#, -32600),
    (#"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#, -32600),
    (#"{"jsonrpc":"2.0","id":1e400,"method":"ping"}"#, -32700),
    (#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":"abc"}"#, -32602),
    (#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":[1]}"#, -32602),
    ("not json", -32700), ("[]", -32600), ("3", -32600),
  ])
  func answersMalformedMessagesWithTheirCode(_ body: String, code: Int) throws {
    let problem = try #require(JSONRPCCheck.problem(in: Data(body.utf8)))
    #expect(problem.code == code, "\(body): \(problem)")
  }

  @Test(arguments: [
    #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#, #"{"jsonrpc":"2.0","id":"x","method":"ping","params":{}}"#,
    #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#, #"{"jsonrpc":"2.0","id":3,"result":{}}"#,
  ])
  func letsWellFormedMessagesThrough(_ body: String) {
    #expect(JSONRPCCheck.problem(in: Data(body.utf8)) == nil)
  }

  @Test func acceptsOnlyLocalHostsUnlessAllowed() {
    let policy = HTTPAccessPolicy(token: nil)
    for host in ["localhost", "localhost:8931", "127.0.0.1:80", "[::1]:9", "LOCALHOST"] {
      #expect(policy.refusal(host: host, origin: nil, authorization: nil) == nil, "\(host)")
    }
    for host in ["evil.example", "evil.example:8931", "127.0.0.1.nip.io", "localhost.evil", "[::2]", "localhost:x"] {
      #expect(policy.refusal(host: host, origin: nil, authorization: nil)?.status == 403, "\(host)")
    }
    let configured = HTTPAccessPolicy(token: nil, allowedHosts: ["Box.Local"])
    #expect(configured.refusal(host: "box.local:8931", origin: nil, authorization: nil) == nil)
  }
}
