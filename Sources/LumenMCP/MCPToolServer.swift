import Foundation
import MCP
public import ToolDispatch

/// Serves a ``ToolDispatch/ToolRegistry`` over the Model Context Protocol (swift-sdk).
///
/// `tools/list` gives each tool's strict input schema and its output schema; `tools/call`
/// answers with a short text, the report as `structuredContent`, a `resource_link` per file
/// written, a small inline image only when the call asked for a preview, and `isError` for
/// every failure inside a tool. An unknown tool is a JSON-RPC error (-32602). Progress goes out
/// as `notifications/progress` when the client sent a progress token; a cancelled request
/// cancels the tool.
public enum MCPToolServer {
  /// Serves over stdin/stdout until the client disconnects (stdout carries only protocol
  /// messages).
  public static func serveStdio(registry: ToolRegistry, workspace: Workspace, version: String)
    async throws
  {
    let server = await makeServer(registry: registry, workspace: workspace, version: version)
    try await server.start(transport: BlockingStdioTransport(toolList: toolListReply(registry)))
    await server.waitUntilCompleted()
  }

  /// A server with Lumen's `tools/list` and `tools/call` handlers, not yet started (one per
  /// stdio process, or one per HTTP session).
  package static func makeServer(registry: ToolRegistry, workspace: Workspace, version: String)
    async -> Server
  {
    let server = Server(
      name: "lumen", version: version, title: "Lumen media tools",
      instructions: registry.instructions.isEmpty ? nil : registry.instructions,
      capabilities: .init(
        resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
    // The listing never changes: converted once, not on every tools/list. (The transports
    // answer tools/list from ToolListReply; this handler serves a request with a cursor.)
    let tools = try? mcpTools(registry)
    await server.withMethodHandler(ListTools.self) { _ in
      guard let tools else {
        throw MCPError.internalError("the tool schemas could not be converted")
      }
      return .init(tools: tools)
    }
    await WorkspaceResources(workspace: workspace).register(on: server)
    await server.withMethodHandler(CallTool.self) { [weak server] parameters in
      let notifier = server
      let arguments = try jsonValue(Value.object(parameters.arguments ?? [:]))
      let token = parameters._meta?.progressToken
      let context = ToolContext(workspace: workspace) { done, total in
        guard let token, let notifier else { return }
        let update = ProgressNotification.message(
          .init(progressToken: token, progress: Double(done), total: total.map(Double.init)))
        Task { try? await notifier.notify(update) }
      }
      let result: ToolResult
      do {
        result = try await registry.call(
          name: parameters.name, arguments: arguments, context: context)
      } catch {
        throw MCPError.invalidParams("\(error)")
      }
      var content: [MCP.Tool.Content] = [
        .text(
          text: result.isError ? "Error: \(result.text)" : result.text, annotations: nil, _meta: nil
        )
      ]
      for file in result.files {
        let url = URL(fileURLWithPath: workspace.root).appendingPathComponent(file)
        content.append(
          .resourceLink(uri: url.absoluteString, name: file, mimeType: mimeType(of: file)))
      }
      for preview in result.previews {
        content.append(
          .image(
            data: Data(preview.bytes).base64EncodedString(), mimeType: preview.format.mimeType,
            annotations: nil, _meta: nil))
      }
      return .init(
        content: content, structuredContent: try result.structured.map(mcpValue),
        isError: result.isError)
    }
    return server
  }

  /// The registry's tools in the SDK's form.
  static func mcpTools(_ registry: ToolRegistry) throws -> [MCP.Tool] {
    try registry.definitions.map { definition in
      MCP.Tool(
        name: definition.name, title: definition.title, description: definition.description,
        inputSchema: try mcpValue(definition.inputSchema),
        annotations: .init(
          title: definition.title, readOnlyHint: definition.isReadOnly, destructiveHint: false,
          idempotentHint: definition.isReadOnly, openWorldHint: false),
        outputSchema: try mcpValue(definition.outputSchema))
    }
  }

  /// The `tools/list` answer the transports send themselves (see ``ToolListReply``); `nil`
  /// when the schemas cannot be converted (the Server's handler then reports it).
  package static func toolListReply(_ registry: ToolRegistry) -> ToolListReply? {
    try? ToolListReply(tools: mcpTools(registry))
  }

  static func mcpValue(_ value: JSONValue) throws -> Value {
    try JSONDecoder().decode(Value.self, from: Data(JSONText.encode(value).utf8))
  }

  static func jsonValue(_ value: Value) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
  }

  /// The MIME type a file's name implies (every resource link and resource carries one).
  static func mimeType(of file: String) -> String {
    let name = file.split(separator: "/").last ?? ""
    let dot = name.dropFirst().lastIndex(of: ".")
    return switch (dot.map { name[name.index(after: $0)...] } ?? "").lowercased() {
    case "mp4", "m4v": "video/mp4"
    case "webm": "video/webm"
    case "mov": "video/quicktime"
    case "png": "image/png"
    case "gif": "image/gif"
    case "jpg", "jpeg": "image/jpeg"
    case "webp": "image/webp"
    case "bmp": "image/bmp"
    case "tif", "tiff": "image/tiff"
    case "svg": "image/svg+xml"
    case "pdf": "application/pdf"
    case "html", "htm": "text/html"
    case "css": "text/css"
    case "csv": "text/csv"
    case "tsv": "text/tab-separated-values"
    case "json": "application/json"
    case "txt", "hex", "gpl", "md": "text/plain"
    case "ase": "application/octet-stream"
    case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    default: "application/octet-stream"
    }
  }
}
