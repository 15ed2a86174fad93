internal import Foundation
internal import Hummingbird
internal import Logging
internal import LumenMCP
internal import MCP
public import ToolDispatch

/// Serves a ``ToolDispatch/ToolRegistry`` over MCP Streamable HTTP on 127.0.0.1.
///
/// Hummingbird accepts the connections; each client gets its own session (a
/// ``SessionHTTPTransport``, `Mcp-Session-Id`), with the same tool handlers as stdio.
/// Responses and progress go out as server-sent events. Before a request reaches a session,
/// a foreign `Origin` is refused (403) and, when a token is set, a missing or wrong
/// `Authorization: Bearer` header too (401).
///
/// ```swift
/// try await MCPHTTPServer.serve(
///   registry: registry, workspace: workspace, version: "1.0", port: 0, token: nil
/// ) { url in print("listening on \(url)") }
/// ```
public enum MCPHTTPServer {
  /// The path of the MCP endpoint.
  public static let endpointPath = "/mcp"
  /// The largest request body accepted (a JSON-RPC message), in bytes.
  static let maximumBodyBytes = 1 << 20

  /// Serves until the process gets SIGINT or SIGTERM.
  ///
  /// - Parameters:
  ///   - registry: The tools.
  ///   - workspace: The folder every path is relative to.
  ///   - version: The server version told to clients.
  ///   - port: The TCP port on 127.0.0.1; 0 picks a free one.
  ///   - token: The bearer token every request must carry, or `nil` for none.
  ///   - onListening: Called once with the endpoint's URL (with the actual port).
  /// - Throws: When the port cannot be bound.
  ///   - allowedHosts: Host names accepted besides localhost, 127.0.0.1 and [::1].
  ///   - sessionIdleTimeout: A session unused this long is closed.
  public static func serve(
    registry: ToolRegistry, workspace: Workspace, version: String, port: Int, token: String?,
    allowedHosts: [String] = [], sessionIdleTimeout: Duration = .seconds(600),
    onListening: @escaping @Sendable (String) -> Void
  ) async throws {
    let sessions = MCPSessionTable(
      idleTimeout: sessionIdleTimeout, toolList: MCPToolServer.toolListReply(registry)
    ) {
      await MCPToolServer.makeServer(registry: registry, workspace: workspace, version: version)
    }
    let policy = HTTPAccessPolicy(token: token, allowedHosts: allowedHosts)
    let router = Router()
    let respond: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
      try await Self.respond(to: request, policy: policy, sessions: sessions)
    }
    router.post(.init(stringLiteral: endpointPath), use: respond)
    router.get(.init(stringLiteral: endpointPath), use: respond)
    router.delete(.init(stringLiteral: endpointPath), use: respond)
    var logger = Logger(label: "lumen.mcp.http")
    logger.logLevel = .warning
    let app = Application(
      router: router,
      configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "lumen"),
      onServerRunning: { channel in
        let actual = channel.localAddress?.port ?? port
        onListening("http://127.0.0.1:\(actual)\(endpointPath)")
      },
      logger: logger)
    try await app.runService()
    await sessions.closeAll()
  }

  /// Checks access, then hands the request to its MCP session.
  static func respond(to request: Request, policy: HTTPAccessPolicy, sessions: MCPSessionTable)
    async throws
    -> Response
  {
    if let refusal = policy.refusal(
      host: request.head.authority, origin: request.headers[.origin],
      authorization: request.headers[.authorization])
    {
      let extra = refusal.status == 401 ? [HTTPHeaderName.wwwAuthenticate: "Bearer"] : [:]
      return Response(
        MCP.HTTPResponse.error(
          statusCode: refusal.status, .invalidRequest(refusal.message), extraHeaders: extra))
    }
    var request = request
    let body = try await request.collectBody(upTo: maximumBodyBytes)
    let bytes = Data(body.readableBytesView)
    if request.method == .post, let problem = JSONRPCCheck.problem(in: bytes) {
      // The SDK's transport leaves these unanswered or calls them internal errors.
      return Response(MCP.HTTPResponse.error(statusCode: 400, problem))
    }
    let message = MCP.HTTPRequest(request, body: bytes)
    return Response(await sessions.handle(message))
  }
}
