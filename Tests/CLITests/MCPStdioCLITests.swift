import Foundation
import TestSupport
import Testing

/// `lumen mcp` over stdio, spoken to byte by byte (the Python client test covers the protocol).
@Suite struct MCPStdioCLITests {
  @Test func anOversizedMessageGetsAJSONRPCErrorAndTheServerGoesOn() throws {
    let folder = TemporaryDirectory()
    let initialize =
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#
    let initialized = #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#
    // 65 MB of arguments: over the 64 MB limit.
    let huge =
      #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_files","arguments":{"pattern":""#
      + String(repeating: "x", count: 65 << 20) + #""}}}"#
    let ping = #"{"jsonrpc":"2.0","id":3,"method":"ping"}"#
    let run = try Run(
      ["mcp", "--workspace", folder.path],
      stdin: [initialize, initialized, huge, ping].joined(separator: "\n") + "\n")
    let replies = run.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    let refusal = replies.first { ($0["error"] as? [String: Any])?["code"] as? Int == -32600 }
    #expect(
      (refusal?["error"] as? [String: Any])?["message"] as? String ?? "" != "",
      "\(run.stdout.prefix(500))")
    #expect(
      replies.contains { $0["id"] as? Int == 3 && $0["result"] != nil }, "\(run.stdout.prefix(500))"
    )
  }

  /// `echo REQUEST | lumen mcp`: stdin ends right after the request, and the reply must still
  /// come (it came in about 3 runs of 10 before: the server stopped when the input ended).
  @Test func aRequestFollowedByTheEndOfInputIsAnswered() throws {
    let folder = TemporaryDirectory()
    let initialize =
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#
    for _ in 0..<6 {
      let run = try Run(["mcp", "--workspace", folder.path], stdin: initialize + "\n")
      #expect(run.stdout.contains(#""serverInfo""#), "\(run.stdout.prefix(300))")
      #expect(run.status == 0)
    }
  }
}
