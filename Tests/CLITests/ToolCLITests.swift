import Foundation
import TestSupport
import Testing

/// Runs `lumen` with bytes on stdin, in `folder`.
func run(_ arguments: [String], stdin: String, in folder: String) throws -> Run {
  try Run(arguments, stdin: stdin, directory: folder)
}

@Suite struct ToolCLITests {
  @Test(arguments: ["openai", "responses", "anthropic", "mcp"])
  func printsDefinitions(format: String) throws {
    let run = try Run(["tools", "--format", format])
    #expect(run.status == 0)
    #expect(run.stdout.contains("gif_to_video") && run.stdout.contains("extract_palette"))
  }

  @Test func runsAnOpenAIAssistantMessageInTheWorkspace() throws {
    let folder = TemporaryDirectory()
    try FileManager.default.copyItem(
      atPath: Fixtures.path("palette-3colors.png"), toPath: folder.file("p.png"))
    let message =
      #"{"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"extract_palette","arguments":"{\"image\":\"p.png\",\"k\":3,\"space\":null,\"exclude\":null,\"exact_colors\":null,\"swatch\":null,\"swatch_layout\":null,\"preview\":null}"}},{"id":"call_2","type":"function","function":{"name":"extract_palette","arguments":"{\"image\":\"/etc/passwd\",\"k\":3,\"space\":null,\"exclude\":null,\"exact_colors\":null,\"swatch\":null,\"swatch_layout\":null,\"preview\":null}"}}]}"#
    let result = try run(["call"], stdin: message, in: folder.path)
    #expect(result.status == 0)
    let answers = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(answers.map { $0["tool_call_id"] as? String } == ["call_1", "call_2"])
    #expect(
      (answers[0]["content"] as? String)?.hasPrefix("3 colours: #e63946 50.0% crimson") == true)
    #expect((answers[1]["content"] as? String)?.contains("absolute paths are refused") == true)
  }

  @Test func exitsNonZeroForUnknownToolsAndBadJSON() throws {
    let folder = TemporaryDirectory()
    #expect(try run(["call"], stdin: "{not json", in: folder.path).status != 0)
    let unknown = #"{"type":"tool_use","id":"t1","name":"rm_rf","input":{}}"#
    let result = try run(["call"], stdin: unknown, in: folder.path)
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown tool 'rm_rf'"))
  }
}
