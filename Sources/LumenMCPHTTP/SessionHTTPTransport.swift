internal import Foundation
internal import Logging
internal import LumenMCP
internal import MCP

/// The MCP Streamable HTTP transport of one session: the SDK `Server` reads the client's
/// messages from ``receive()`` and writes its own with ``send(_:)``, while the HTTP endpoint
/// hands each request to ``handleRequest(_:)`` and streams back the response it returns.
///
/// - A POSTed request gets a `text/event-stream` response: its progress notifications and then
///   its response are written there as `message` events, and the stream ends with the response.
///   A notification or response gets 202 Accepted. The `initialize` request makes the session id
///   (a random UUID, in the `Mcp-Session-Id` response header) that later requests must carry.
/// - GET opens the one standalone event stream for messages that belong to no request (a second
///   one is 409 Conflict); DELETE ends the session.
/// - `Accept`, `Content-Type`, `MCP-Protocol-Version` and `Mcp-Session-Id` are checked with the
///   SDK's validators; `Origin`, `Host` and the token are checked by the endpoint beforehand.
///
/// Unlike the SDK's `StatefulHTTPServerTransport`, nothing is kept for resumption
/// (`Last-Event-ID`): a message with no open stream to go to is dropped, and a request is
/// forgotten once answered, cancelled or disconnected, so a session's memory stays bounded
/// however many requests it serves.
///
/// ```swift
/// let transport = SessionHTTPTransport()
/// try await server.start(transport: transport)
/// let response = await transport.handleRequest(request)  // for every HTTP request
/// ```
actor SessionHTTPTransport: Transport {
  /// An open event stream and the number that tells it from a later one with the same key.
  private struct OpenStream {
    let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    let serial: Int
    /// The progress token of the request the stream answers, if it has one.
    var progressToken: ID?
  }

  nonisolated let logger: Logger

  private let validation: any HTTPRequestValidationPipeline
  private let incoming: AsyncThrowingStream<Data, any Error>
  private let incomingContinuation: AsyncThrowingStream<Data, any Error>.Continuation

  private var sessionID: String?
  private var started = false
  private var terminated = false
  /// The response streams of the requests in progress, by JSON-RPC id.
  private var requestStreams: [ID: OpenStream] = [:]
  /// The request each progress token in use belongs to.
  private var progressRequests: [ID: ID] = [:]
  /// The standalone stream opened by GET.
  private var standaloneStream: OpenStream?
  private var nextSerial = 0
  /// Answers `tools/list` without the `Server` (see ``LumenMCP/ToolListReply``).
  private let toolList: ToolListReply?

  /// Creates the transport of a session that is not initialized yet.
  ///
  /// - Parameters:
  ///   - logger: Where routing trouble is logged; nowhere by default.
  ///   - toolList: The `tools/list` answer, sent without the `Server`.
  init(logger: Logger? = nil, toolList: ToolListReply? = nil) {
    self.toolList = toolList
    self.logger =
      logger ?? Logger(label: "lumen.mcp.http.session", factory: { _ in SwiftLogNoOpLogHandler() })
    validation = StandardValidationPipeline(validators: [
      AcceptHeaderValidator(mode: .sseRequired),
      ContentTypeValidator(),
      ProtocolVersionValidator(),
      SessionValidator(),
    ])
    (incoming, incomingContinuation) = AsyncThrowingStream<Data, any Error>.makeStream()
  }

  // MARK: Transport

  /// Marks the transport started (the `Server` calls this once).
  func connect() async throws {
    guard !started else { throw MCPError.internalError("Transport already started") }
    started = true
  }

  /// Ends the session: closes every open stream and the `Server`'s incoming messages.
  func disconnect() async {
    terminate()
  }

  /// Routes a message from the `Server`: a response to its request's stream, which it ends; a
  /// progress notification to the stream of the request that owns the token; anything else to
  /// the standalone stream. With no such stream open, the message is dropped.
  ///
  /// - Throws: `MCPError.connectionClosed` after the session ended.
  func send(_ data: Data) async throws {
    guard !terminated else { throw MCPError.connectionClosed }
    guard let envelope = JSONRPCEnvelope(data: data) else {
      logger.warning("Dropping an outgoing message that is not JSON-RPC")
      return
    }
    switch envelope.kind {
    case .response(let id):
      guard let stream = closeRequestStream(id) else {
        logger.debug("Dropping the response to \(id): its stream is closed")
        return
      }
      stream.continuation.yield(ServerSentEvent.message(data))
      stream.continuation.finish()
    case .notification:
      if let token = envelope.progressToken, let id = progressRequests[token],
        let stream = requestStreams[id]
      {
        stream.continuation.yield(ServerSentEvent.message(data))
      } else if let standaloneStream {
        standaloneStream.continuation.yield(ServerSentEvent.message(data))
      } else {
        logger.debug("Dropping a notification: no stream is open for it")
      }
    case .request(let id, let method):
      guard let standaloneStream else {
        logger.warning("Dropping the server request \(method) (\(id)): no GET stream is open")
        return
      }
      standaloneStream.continuation.yield(ServerSentEvent.message(data))
    }
  }

  /// The client's messages, for the `Server`.
  func receive() -> AsyncThrowingStream<Data, any Error> {
    incoming
  }

  // MARK: HTTP

  /// Answers one HTTP request of this session (POST, GET or DELETE; others get 405).
  ///
  /// After the session ended every request gets 404, so that the client initializes again.
  func handleRequest(_ request: HTTPRequest) async -> HTTPResponse {
    guard !terminated else {
      return .error(statusCode: 404, .invalidRequest("Not Found: the session has ended"))
    }
    switch request.method.uppercased() {
    case "POST": return post(request)
    case "GET": return get(request)
    case "DELETE": return delete(request)
    default:
      return .error(
        statusCode: 405, .invalidRequest("Method Not Allowed"), sessionID: sessionID,
        extraHeaders: [HTTPHeaderName.allow: "GET, POST, DELETE"])
    }
  }

  private func post(_ request: HTTPRequest) -> HTTPResponse {
    guard let body = request.body, !body.isEmpty else {
      return .error(statusCode: 400, .parseError("Empty request body"), sessionID: sessionID)
    }
    guard let envelope = JSONRPCEnvelope(data: body) else {
      return .error(statusCode: 400, .parseError("Invalid JSON-RPC message"), sessionID: sessionID)
    }
    if let refusal = validate(request, method: "POST", initializing: envelope.isInitializeRequest) {
      return refusal
    }
    switch envelope.kind {
    case .request(let id, let method):
      if method == "tools/list", let reply = toolList?.reply(to: Array(body)) {
        let (events, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        continuation.yield(ServerSentEvent.message(Data(reply)))
        continuation.finish()
        return .stream(events, headers: streamHeaders)
      }
      if envelope.isInitializeRequest {
        guard sessionID == nil else {
          return .error(
            statusCode: 400, .invalidRequest("Bad Request: the session is already initialized"),
            sessionID: sessionID)
        }
        sessionID = UUID().uuidString
      }
      guard requestStreams[id] == nil else {
        return .error(
          statusCode: 409, .invalidRequest("Conflict: request \(id) is already in progress"),
          sessionID: sessionID)
      }
      return openRequestStream(id: id, progressToken: envelope.progressToken, body: body)
    case .notification, .response:
      if let cancelled = envelope.cancelledRequestID {
        // The SDK's Server sends no response to a cancelled request: end its stream now.
        closeRequestStream(cancelled)?.continuation.finish()
      }
      incomingContinuation.yield(body)
      return .accepted(headers: sessionHeaders)
    }
  }

  private func get(_ request: HTTPRequest) -> HTTPResponse {
    if let refusal = validate(request, method: "GET", initializing: false) { return refusal }
    guard standaloneStream == nil else {
      return .error(
        statusCode: 409, .invalidRequest("Conflict: Only one SSE stream is allowed per session"),
        sessionID: sessionID)
    }
    let (events, stream) = makeStream { transport, serial in
      await transport.standaloneStreamEnded(serial: serial)
    }
    standaloneStream = stream
    return .stream(events, headers: streamHeaders)
  }

  private func delete(_ request: HTTPRequest) -> HTTPResponse {
    if let refusal = validate(request, method: "DELETE", initializing: false) { return refusal }
    let headers = sessionHeaders
    terminate()
    return .ok(headers: headers)
  }

  private func validate(_ request: HTTPRequest, method: String, initializing: Bool)
    -> HTTPResponse?
  {
    let context = HTTPValidationContext(
      httpMethod: method, sessionID: sessionID, isInitializationRequest: initializing,
      supportedProtocolVersions: Version.supported)
    return validation.validate(request, context: context)
  }

  // MARK: Streams

  /// Opens the response stream of a request, then passes the request to the `Server`.
  private func openRequestStream(id: ID, progressToken: ID?, body: Data) -> HTTPResponse {
    var (events, stream) = makeStream { transport, serial in
      await transport.requestStreamEnded(id: id, serial: serial)
    }
    if let progressToken, progressRequests[progressToken] == nil {
      stream.progressToken = progressToken
      progressRequests[progressToken] = id
    }
    requestStreams[id] = stream
    incomingContinuation.yield(body)
    return .stream(events, headers: streamHeaders)
  }

  /// A new event stream whose `onEnded` runs when its reader goes away (the client hung up).
  private func makeStream(
    onEnded: @escaping @Sendable (SessionHTTPTransport, Int) async -> Void
  ) -> (AsyncThrowingStream<Data, any Error>, OpenStream) {
    nextSerial += 1
    let serial = nextSerial
    let (events, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
    continuation.onTermination = { [weak self] termination in
      guard case .cancelled = termination, let self else { return }
      Task { await onEnded(self, serial) }
    }
    return (events, OpenStream(continuation: continuation, serial: serial))
  }

  /// Forgets a request's stream (and its progress token) and returns it, if it is open.
  @discardableResult
  private func closeRequestStream(_ id: ID) -> OpenStream? {
    guard let stream = requestStreams.removeValue(forKey: id) else { return nil }
    if let token = stream.progressToken { progressRequests.removeValue(forKey: token) }
    return stream
  }

  private func requestStreamEnded(id: ID, serial: Int) {
    guard requestStreams[id]?.serial == serial else { return }
    closeRequestStream(id)
  }

  private func standaloneStreamEnded(serial: Int) {
    guard standaloneStream?.serial == serial else { return }
    standaloneStream = nil
  }

  private var sessionHeaders: [String: String] {
    sessionID.map { [HTTPHeaderName.sessionID: $0] } ?? [:]
  }

  private var streamHeaders: [String: String] {
    var headers = sessionHeaders
    headers[HTTPHeaderName.contentType] = "text/event-stream"
    headers[HTTPHeaderName.cacheControl] = "no-cache, no-transform"
    headers[HTTPHeaderName.connection] = "keep-alive"
    return headers
  }

  private func terminate() {
    guard !terminated else { return }
    terminated = true
    for stream in requestStreams.values { stream.continuation.finish() }
    requestStreams.removeAll()
    progressRequests.removeAll()
    standaloneStream?.continuation.finish()
    standaloneStream = nil
    incomingContinuation.finish()
  }

  // MARK: Inspection

  /// How many streams are open and progress tokens remembered: what the session holds per
  /// request, for tests that check it stays bounded.
  var retainedStateCount: Int {
    requestStreams.count + progressRequests.count + (standaloneStream == nil ? 0 : 1)
  }
}
