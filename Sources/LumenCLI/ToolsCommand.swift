import ArgumentParser
import LumenTools
import ToolDispatch

extension Root {
  /// `lumen tools`: the function-calling definitions of Lumen's operations.
  struct ToolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tools",
      abstract: "Print Lumen's tool definitions for a model (OpenAI, Responses, Anthropic or MCP).",
      discussion: """
        Examples:
          lumen tools                        # OpenAI Chat Completions `tools` array (strict)
          lumen tools --format anthropic     # Anthropic `tools` with input_schema
          lumen tools --format mcp           # MCP tools/list result
        """)

    @Option(help: "openai, responses, anthropic or mcp.")
    var format: WireFormat = .openai

    func run() throws {
      let registry = try LumenToolbox.registry()
      print(try JSONText.encode(format.definitions(registry.definitions)))
    }
  }
}

extension WireFormat: ExpressibleByArgument {}
