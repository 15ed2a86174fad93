import ArgumentParser
import Dispatch
import Foundation
import LumenTools
import ToolDispatch

extension Root {
  /// `lumen call`: run the tool calls of a model's message and print the answers.
  struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "call",
      abstract: "Run tool calls read from stdin and write the tool-result message(s) to stdout.",
      discussion: """
        Reads one tool call or a whole assistant message, in OpenAI (`tool_calls`), Responses \
        (`function_call`) or Anthropic (`tool_use`) form, runs the calls (in parallel) inside the \
        workspace, and answers in the same form. Optional arguments may be left out. Failures are \
        results with the error flag; only an unknown tool or malformed JSON exits non-zero.

        Examples:
          lumen call --workspace ~/media < assistant-message.json
          echo '{"type":"tool_use","id":"t1","name":"list_files","input":{}}' \\
            | lumen call --workspace ~/media
        """)

    @Option(help: "The folder every path is relative to (default: the current folder).")
    var workspace = "."

    func run() async throws {
      let input = FileHandle.standardInput.readDataToEndOfFile()
      let space = try Workspace(root: workspace)
      let registry = try LumenToolbox.registry()
      let message: JSONValue
      do { message = try JSONText.decode(String(decoding: input, as: UTF8.self)) } catch {
        throw ValidationError("stdin is not JSON: \(error)")
      }
      let calls = try ToolCall.parse(message)
      guard !calls.isEmpty else { throw ValidationError("no tool call found in the message") }
      let answers = try await withThrowingTaskGroup(of: (Int, ToolResult).self) { group in
        for (index, call) in calls.enumerated() {
          group.addTask {
            (
              index,
              try await registry.call(
                name: call.name, arguments: call.arguments, context: ToolContext(workspace: space)
              )
            )
          }
        }
        var results = [ToolResult?](repeating: nil, count: calls.count)
        for try await (index, result) in group { results[index] = result }
        return zip(calls, results.map { $0! }).map { ($0, $1) }
      }
      print(try JSONText.encode(ToolCall.answers(answers)))
    }
  }
}
