internal import Foundation
internal import LumenMCP
internal import MCP

/// The MCP sessions of one HTTP endpoint: one SDK server and ``SessionHTTPTransport`` per
/// client, found by the `Mcp-Session-Id` header and created by an `initialize` request.
///
/// Sessions idle longer than `idleTimeout` (10 minutes by default) are closed at the next
/// request; at most `maximumSessions` exist at once, and a new client beyond that closes the
/// least recently used session, so abandoned `initialize` calls can never lock clients out.
actor MCPSessionTable {
  /// Makes the (not yet started) MCP server of a new session.
  typealias ServerFactory = @Sendable () async -> Server

  private struct Session {
    let server: Server
    let transport: SessionHTTPTransport
    var lastUsed: ContinuousClock.Instant
  }

  private let makeServer: ServerFactory
  private let maximumSessions: Int
  private let idleTimeout: Duration
  private var sessions: [String: Session] = [:]
  private let toolList: ToolListReply?

  /// - Parameter toolList: The `tools/list` answer every session's transport sends itself.
  init(
    maximumSessions: Int = 32, idleTimeout: Duration = .seconds(600),
    toolList: ToolListReply? = nil, makeServer: @escaping ServerFactory
  ) {
    self.makeServer = makeServer
    self.toolList = toolList
    self.maximumSessions = maximumSessions
    self.idleTimeout = idleTimeout
  }

  /// Routes one request to its session's transport, or opens a session for `initialize`.
  func handle(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
    await expireIdleSessions()
    let sessionID = request.header(HTTPHeaderName.sessionID)
    if let sessionID, var session = sessions[sessionID] {
      session.lastUsed = .now
      sessions[sessionID] = session
      let response = await session.transport.handleRequest(request)
      if request.method.uppercased() == "DELETE", response.statusCode == 200 {
        await close(sessionID)
      }
      return response
    }
    if let sessionID {
      return .error(
        statusCode: 404,
        .invalidRequest("Not Found: no session \(sessionID) (expired or closed); initialize again"))
    }
    guard request.method.uppercased() == "POST", Self.isInitialize(request.body) else {
      return .error(
        statusCode: 400,
        .invalidRequest(
          "Bad Request: missing \(HTTPHeaderName.sessionID) header (initialize first)"))
    }
    return await open(request)
  }

  /// Closes every session (at shutdown).
  func closeAll() async {
    for sessionID in Array(sessions.keys) { await close(sessionID) }
  }

  /// The number of open sessions.
  var count: Int { sessions.count }

  private func expireIdleSessions() async {
    let now = ContinuousClock.now
    for (sessionID, session) in sessions where now - session.lastUsed > idleTimeout {
      await close(sessionID)
    }
  }

  private func open(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
    let now = ContinuousClock.now
    while sessions.count >= maximumSessions,
      let oldest = sessions.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key
    {
      await close(oldest)
    }
    let transport = SessionHTTPTransport(toolList: toolList)
    let server = await makeServer()
    do {
      try await server.start(transport: transport)
    } catch {
      await transport.disconnect()
      return .error(statusCode: 500, .internalError("could not start an MCP session: \(error)"))
    }
    let response = await transport.handleRequest(request)
    guard case .stream = response, let sessionID = response.headers[HTTPHeaderName.sessionID] else {
      await server.stop()
      return response
    }
    sessions[sessionID] = Session(server: server, transport: transport, lastUsed: now)
    return response
  }

  private func close(_ sessionID: String) async {
    guard let session = sessions.removeValue(forKey: sessionID) else { return }
    await session.server.stop()
    await session.transport.disconnect()
  }

  /// Whether a POST body is a JSON-RPC `initialize` request.
  static func isInitialize(_ body: Data?) -> Bool {
    guard let body, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
    else { return false }
    return object["method"] as? String == "initialize" && object["id"] != nil
  }
}
