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
          # OpenAI Chat Completions `tools` array (strict)
          lumen tools
          # Anthropic `tools` with input_schema
          lumen tools --format anthropic
          # MCP tools/list result
          lumen tools --format mcp
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
