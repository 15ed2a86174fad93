import Foundation
import MCP
import ToolDispatch

/// The workspace's files as MCP resources: `resources/list` (paged, 100 a page, the same
/// files `list_files` shows) and `resources/read` (a file's bytes, as text for text types and
/// base64 otherwise, at most ``maxReadBytes``). URIs are the `file://` URLs of the resource
/// links that tool results carry; a URI outside the workspace is refused like any path.
struct WorkspaceResources: Sendable {
  let workspace: Workspace
  /// Files listed per page.
  static let pageSize = 100
  /// The largest file `resources/read` returns (MCP messages carry it base64-encoded).
  static let maxReadBytes = 16 << 20

  func register(on server: Server) async {
    await server.withMethodHandler(ListResources.self) { parameters in
      try list(cursor: parameters.cursor)
    }
    await server.withMethodHandler(ReadResource.self) { parameters in
      try read(uri: parameters.uri)
    }
  }

  func list(cursor: String?) throws -> ListResources.Result {
    let offset =
      try cursor.map { text -> Int in
        guard let offset = Int(text), offset >= 0 else {
          throw MCPError.invalidParams("invalid cursor \(text)")
        }
        return offset
      } ?? 0
    let (entries, _) = try workspace.files(limit: offset + Self.pageSize + 1)
    let page = entries.dropFirst(offset).prefix(Self.pageSize)
    let resources = page.map { entry in
      Resource(
        name: entry.path, uri: URL(fileURLWithPath: entry.absolutePath).absoluteString,
        mimeType: MCPToolServer.mimeType(of: entry.path), size: entry.bytes)
    }
    let more = entries.count > offset + Self.pageSize
    return .init(resources: resources, nextCursor: more ? String(offset + Self.pageSize) : nil)
  }

  func read(uri: String) throws -> ReadResource.Result {
    guard let url = URL(string: uri), url.isFileURL else {
      throw MCPError.invalidParams(
        "\(uri) is not a file:// URI of the workspace (resources/list gives them)")
    }
    let rootURL = URL(fileURLWithPath: workspace.root)
    let path = url.standardizedFileURL.path
    guard path.hasPrefix(workspace.root + "/") else {
      throw MCPError.invalidParams("\(uri) is outside the workspace \(rootURL.absoluteString)")
    }
    let absolute: String
    do { absolute = try workspace.input(workspace.relative(path), field: "uri") } catch {
      throw MCPError.invalidParams("\(error)")
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? Int) ?? 0
    guard size <= Self.maxReadBytes else {
      throw MCPError.invalidParams(
        "\(workspace.relative(absolute)) is \(size) bytes; resources/read returns files up to \(Self.maxReadBytes)"
      )
    }
    guard let data = FileManager.default.contents(atPath: absolute) else {
      throw MCPError.invalidParams("\(workspace.relative(absolute)) cannot be read")
    }
    let mimeType = MCPToolServer.mimeType(of: absolute)
    let isText =
      mimeType.hasPrefix("text/") || mimeType == "application/json" || mimeType == "image/svg+xml"
    if isText, let text = String(data: data, encoding: .utf8) {
      return .init(contents: [.text(text, uri: uri, mimeType: mimeType)])
    }
    return .init(contents: [.binary(data, uri: uri, mimeType: mimeType)])
  }
}
