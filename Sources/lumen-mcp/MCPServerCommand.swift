import ArgumentParser
import Foundation
import LumenCLI
import LumenMCP
import LumenMCPHTTP
import LumenTools
import ToolDispatch

/// `lumen mcp` (the `lumen-mcp` executable, which `lumen mcp` runs in its place): Lumen's tools
/// over the Model Context Protocol on stdio, or Streamable HTTP.
///
/// It is an executable of its own so that the MCP SDK, Hummingbird and Foundation's networking
/// (libcurl and ~25 libraries behind it) are loaded only by the server, not by every
/// `lumen palette` a model runs.
struct MCPServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lumen mcp",
    abstract:
      "Serve Lumen's tools over MCP on stdin/stdout (logs go to stderr), or over HTTP on 127.0.0.1.",
    discussion: """
      Add to an MCP client's configuration, e.g. Claude Desktop's:
        {"mcpServers": {"lumen": {"command": "/path/to/lumen",
          "args": ["mcp", "--workspace", "/path/to/media"]}}}

      With --http, Lumen serves MCP Streamable HTTP at http://127.0.0.1:PORT/mcp (only on this \
      machine) and prints that URL on stderr; --port 0 picks a free port. Requests from web \
      pages of other sites (Origin) are refused. When LUMEN_MCP_TOKEN is set, every request \
      must carry "Authorization: Bearer $LUMEN_MCP_TOKEN".

      Examples:
        lumen mcp --workspace ~/media
        lumen mcp --workspace . --max-concurrent 2 --timeout 120
        export LUMEN_MCP_TOKEN=$(openssl rand -hex 16)
        lumen mcp --http --port 8931 --workspace ~/media
      """)

  @Option(help: "The folder every path is relative to (default: the current folder).")
  var workspace = "."

  @Option(help: "Heavy calls allowed at once; more are answered 'busy, retry'.")
  var maxConcurrent = 2

  @Option(help: "Seconds before a call is cancelled.")
  var timeout: Double = 300

  @Flag(help: "Serve MCP Streamable HTTP on 127.0.0.1 instead of stdio.")
  var http = false

  @Option(help: "The TCP port for --http (0 picks a free one; the URL is printed on stderr).")
  var port: Int?

  @Option(
    name: .customLong("allow-host"),
    help:
      "With --http, also accept requests whose Host is this name (repeatable; localhost, 127.0.0.1 and [::1] always are)."
  )
  var allowedHosts: [String] = []

  @Option(help: "With --http, close a session unused for this many minutes.")
  var sessionIdleMinutes: Double = 10

  /// Parses the command line and serves (the asynchronous `main`, which top-level code
  /// cannot name unambiguously).
  static func start() async {
    await main(Array(CommandLine.arguments.dropFirst()))
  }

  func validate() throws {
    if port != nil && !http { throw ValidationError("--port needs --http") }
    if let port, !(0...65535).contains(port) {
      throw ValidationError("--port must be 0…65535, got \(port)")
    }
    if !(sessionIdleMinutes > 0 && sessionIdleMinutes <= 1440) {
      throw ValidationError("--session-idle-minutes must be more than 0 and at most 1440")
    }
  }

  func run() async throws {
    let space = try Workspace(root: workspace)
    let registry = try LumenToolbox.registry(
      policy: .init(maxConcurrentHeavyCalls: maxConcurrent, timeoutSeconds: timeout))
    guard http else {
      try await MCPToolServer.serveStdio(
        registry: registry, workspace: space, version: LumenVersion.current)
      return
    }
    let token = ProcessInfo.processInfo.environment["LUMEN_MCP_TOKEN"]
    let port = self.port ?? 8931
    try await MCPHTTPServer.serve(
      registry: registry, workspace: space, version: LumenVersion.current, port: port,
      token: token,
      allowedHosts: allowedHosts,
      sessionIdleTimeout: .milliseconds(Int(sessionIdleMinutes * 60_000))
    ) { url in
      var standardError = StandardError()
      let auth = token.map { $0.isEmpty ? "" : " (bearer token required)" } ?? ""
      print("lumen mcp: listening on \(url)\(auth)", to: &standardError)
    }
  }
}
