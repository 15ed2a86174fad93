import ArgumentParser
import LumenMCP
import LumenTools
import ToolDispatch

extension Root {
  /// `lumen mcp`: Lumen's tools over the Model Context Protocol on stdio.
  struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mcp",
      abstract: "Serve Lumen's tools over MCP on stdin/stdout (logs go to stderr).",
      discussion: """
        Add to an MCP client's configuration, e.g. Claude Desktop's:
          {"mcpServers": {"lumen": {"command": "/path/to/lumen", "args": ["mcp", "--workspace", "/path/to/media"]}}}

        Examples:
          lumen mcp --workspace ~/media
          lumen mcp --workspace . --max-concurrent 2 --timeout 120
        """)

    @Option(help: "The folder every path is relative to (default: the current folder).")
    var workspace = "."

    @Option(help: "Heavy calls allowed at once; more are answered 'busy, retry'.")
    var maxConcurrent = 2

    @Option(help: "Seconds before a call is cancelled.")
    var timeout: Double = 300

    func run() throws {
      let space = try Workspace(root: workspace)
      let registry = try LumenToolbox.registry(
        policy: .init(maxConcurrentHeavyCalls: maxConcurrent, timeoutSeconds: timeout))
      try CallCommand.blocking {
        try await MCPToolServer.serveStdio(registry: registry, workspace: space, version: LumenVersion.current)
      }
    }
  }
}
