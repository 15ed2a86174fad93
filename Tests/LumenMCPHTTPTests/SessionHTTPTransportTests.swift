import Foundation
import MCP
import Testing

@testable import LumenMCPHTTP

@Suite struct SessionHTTPTransportTests {
  static let initialize = #"""
    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\#
    "capabilities":{},"clientInfo":{"name":"t","version":"1"}}}
    """#

  static func request(
    _ method: String = "POST", _ json: String? = nil, session: String? = nil,
    headers extra: [String: String] = [:]
  ) -> HTTPRequest {
    var headers = [
      "Accept": "application/json, text/event-stream", "Content-Type": "application/json",
    ]
    if let session { headers[HTTPHeaderName.sessionID] = session }
    headers.merge(extra) { _, new in new }
    return HTTPRequest(
      method: method, headers: headers, body: json.map { Data($0.utf8) }, path: "/mcp")
  }

  /// Everything a response stream carries until it ends.
  static func text(of response: HTTPResponse) async throws -> String {
    guard case .stream(let events, _) = response else {
      Issue.record("not a stream: \(response.statusCode)")
      return ""
    }
    var data = Data()
    for try await chunk in events { data.append(chunk) }
    return String(decoding: data, as: UTF8.self)
  }

  /// A connected transport with an initialized session, the session id and the next message
  /// the transport passes on (the `initialize` request, already read).
  static func initialized() async throws -> (
    SessionHTTPTransport, String, AsyncThrowingStream<Data, any Error>.AsyncIterator
  ) {
    let transport = SessionHTTPTransport()
    try await transport.connect()
    var incoming = await transport.receive().makeAsyncIterator()
    let response = await transport.handleRequest(request("POST", initialize))
    let session = try #require(response.headers[HTTPHeaderName.sessionID])
    #expect(UUID(uuidString: session) != nil)
    #expect(response.headers[HTTPHeaderName.contentType] == "text/event-stream")
    _ = try await incoming.next()
    try await transport.send(Data(#"{"jsonrpc":"2.0","id":1,"result":{}}"#.utf8))
    #expect(
      try await text(of: response)
        == "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n")
    return (transport, session, incoming)
  }

  @Test func answersARequestOnItsOwnStreamWithItsProgress() async throws {
    let (transport, session, iterator) = try await Self.initialized()
    var incoming = iterator
    let call =
      #"{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"_meta":{"progressToken":9}}}"#
    let response = await transport.handleRequest(Self.request("POST", call, session: session))
    #expect(response.statusCode == 200 && response.headers[HTTPHeaderName.sessionID] == session)
    #expect(try await incoming.next() == Data(call.utf8))
    let progress =
      #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":9,"progress":1}}"#
    try await transport.send(Data(progress.utf8))
    // Another request's answer does not end this stream.
    try await transport.send(Data(#"{"jsonrpc":"2.0","id":"b","result":{}}"#.utf8))
    try await transport.send(Data(#"{"jsonrpc":"2.0","id":"a","result":{"ok":true}}"#.utf8))
    let text = try await Self.text(of: response)
    #expect(
      text
        == "event: message\ndata: \(progress)\n\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{\"ok\":true}}\n\n"
    )
    #expect(await transport.retainedStateCount == 0)
  }

  @Test func acceptsNotificationsAndResponses() async throws {
    let (transport, session, iterator) = try await Self.initialized()
    var incoming = iterator
    let note = #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#
    let accepted = await transport.handleRequest(Self.request("POST", note, session: session))
    #expect(accepted.statusCode == 202 && accepted.bodyData == nil)
    #expect(try await incoming.next() == Data(note.utf8))
    let answer = await transport.handleRequest(
      Self.request("POST", #"{"jsonrpc":"2.0","id":4,"result":{}}"#, session: session))
    #expect(answer.statusCode == 202)
  }

  @Test func checksTheSessionAndTheHeaders() async throws {
    let (transport, session, _) = try await Self.initialized()
    let ping = #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#
    #expect(await transport.handleRequest(Self.request("POST", ping)).statusCode == 400)
    #expect(
      await transport.handleRequest(Self.request("POST", ping, session: "other")).statusCode == 404)
    #expect(
      await transport.handleRequest(Self.request("POST", Self.initialize, session: session))
        .statusCode == 400)
    let json = ["Accept": "application/json"]
    #expect(
      await transport.handleRequest(Self.request("POST", ping, session: session, headers: json))
        .statusCode == 406)
    let text = ["Content-Type": "text/plain"]
    #expect(
      await transport.handleRequest(Self.request("POST", ping, session: session, headers: text))
        .statusCode == 415)
    let old = [HTTPHeaderName.protocolVersion: "1999-01-01"]
    #expect(
      await transport.handleRequest(Self.request("POST", ping, session: session, headers: old))
        .statusCode == 400)
    #expect(
      await transport.handleRequest(Self.request("PUT", ping, session: session)).statusCode == 405)
    #expect(
      await transport.handleRequest(Self.request("POST", "[]", session: session)).statusCode == 400)
    #expect(await transport.retainedStateCount == 0)
  }

  @Test func sendsServerMessagesToTheOneGETStreamOrDropsThem() async throws {
    let (transport, session, _) = try await Self.initialized()
    let log =
      #"{"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"x"}}"#
    try await transport.send(Data(log.utf8))  // no stream: dropped
    #expect(await transport.retainedStateCount == 0)
    let stream = await transport.handleRequest(Self.request("GET", session: session))
    #expect(
      stream.statusCode == 200 && stream.headers[HTTPHeaderName.contentType] == "text/event-stream")
    #expect(await transport.handleRequest(Self.request("GET", session: session)).statusCode == 409)
    try await transport.send(Data(log.utf8))
    #expect(await transport.retainedStateCount == 1)
    let delete = await transport.handleRequest(Self.request("DELETE", session: session))
    #expect(delete.statusCode == 200)
    #expect(try await Self.text(of: stream) == "event: message\ndata: \(log)\n\n")
    #expect(await transport.handleRequest(Self.request("GET", session: session)).statusCode == 404)
    await #expect(throws: MCPError.self) { try await transport.send(Data(log.utf8)) }
    #expect(await transport.retainedStateCount == 0)
  }

  @Test func endsTheStreamOfACancelledRequest() async throws {
    let (transport, session, iterator) = try await Self.initialized()
    var incoming = iterator
    let call =
      #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"_meta":{"progressToken":"p"}}}"#
    let response = await transport.handleRequest(Self.request("POST", call, session: session))
    _ = try await incoming.next()
    #expect(await transport.retainedStateCount == 2)
    let cancel = #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":5}}"#
    #expect(
      await transport.handleRequest(Self.request("POST", cancel, session: session)).statusCode
        == 202)
    #expect(try await Self.text(of: response) == "")
    #expect(await transport.retainedStateCount == 0)
  }

  @Test func forgetsARequestWhoseClientHungUp() async throws {
    let (transport, session, iterator) = try await Self.initialized()
    var incoming = iterator
    let call = #"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{}}"#
    let response = await transport.handleRequest(Self.request("POST", call, session: session))
    _ = try await incoming.next()
    guard case .stream(let events, _) = response else {
      Issue.record("no stream")
      return
    }
    let reader = Task { for try await _ in events {} }
    try await Task.sleep(for: .milliseconds(20))
    reader.cancel()
    _ = await reader.result
    for _ in 0..<100 where await transport.retainedStateCount > 0 {
      try await Task.sleep(for: .milliseconds(10))
    }
    #expect(await transport.retainedStateCount == 0)
  }

  /// The SDK's transport kept every message it sent for replay; this one keeps nothing once a
  /// request is answered.
  @Test func holdsNothingAfterManyRequests() async throws {
    let transport = SessionHTTPTransport()
    let server = Server(name: "t", version: "1")
    try await server.start(transport: transport)
    let opened = await transport.handleRequest(Self.request("POST", Self.initialize))
    let session = try #require(opened.headers[HTTPHeaderName.sessionID])
    #expect(try await Self.text(of: opened).contains(#""protocolVersion""#))
    for id in 2...5_001 {
      let ping =
        #"{"jsonrpc":"2.0","id":\#(id),"method":"ping","params":{"_meta":{"progressToken":\#(id)}}}"#
      let text = try await Self.text(
        of: await transport.handleRequest(Self.request("POST", ping, session: session)))
      guard text.contains(#""id":\#(id)"#) else {
        Issue.record("ping \(id) answered with \(text)")
        break
      }
    }
    #expect(await transport.retainedStateCount == 0)
    await server.stop()
  }
}

@Suite struct MCPSessionTableTests {
  static func table() -> MCPSessionTable {
    MCPSessionTable { Server(name: "t", version: "1") }
  }

  @Test func routesBySessionAndForgetsDeletedOnes() async throws {
    let table = Self.table()
    let ping = #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#
    let missing = await table.handle(SessionHTTPTransportTests.request("POST", ping))
    #expect(missing.statusCode == 400)
    let unknown = await table.handle(
      SessionHTTPTransportTests.request("POST", ping, session: "nope"))
    #expect(unknown.statusCode == 404)
    let opened = await table.handle(
      SessionHTTPTransportTests.request("POST", SessionHTTPTransportTests.initialize))
    let session = try #require(opened.headers[HTTPHeaderName.sessionID])
    _ = try await SessionHTTPTransportTests.text(of: opened)
    #expect(await table.count == 1)
    let answer = await table.handle(
      SessionHTTPTransportTests.request("POST", ping, session: session))
    #expect(try await SessionHTTPTransportTests.text(of: answer).contains(#""id":2"#))
    let deleted = await table.handle(SessionHTTPTransportTests.request("DELETE", session: session))
    #expect(deleted.statusCode == 200)
    #expect(await table.count == 0)
    let gone = await table.handle(SessionHTTPTransportTests.request("POST", ping, session: session))
    #expect(gone.statusCode == 404)
  }
}
