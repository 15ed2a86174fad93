import Foundation
import LumenTools
import TestSupport
import Testing
import ToolDispatch

/// Every object in a schema is strict: all properties required, nothing else allowed.
func isStrict(_ schema: JSONValue) -> Bool {
  guard case .object(let object) = schema else { return true }
  if object["type"] == .string("object") {
    guard case .object(let properties)? = object["properties"],
      case .array(let required)? = object["required"],
      object["additionalProperties"] == .bool(false)
    else { return false }
    guard Set(required.compactMap(\.stringValue)) == Set(properties.keys) else { return false }
    return properties.values.allSatisfy(isStrict)
  }
  if let items = object["items"] { return isStrict(items) }
  return true
}

@Suite struct ToolSchemaTests {
  @Test func derivesStrictSchemasFromTheArgumentTypes() throws {
    let registry = try LumenToolbox.registry()
    #expect(
      registry.definitions.map(\.name) == [
        "gif_to_video", "extract_palette", "render_map_animation", "make_chart", "make_heatmap",
        "analyze_table", "make_gif", "list_files",
      ])
    for definition in registry.definitions {
      #expect(isStrict(definition.inputSchema), "\(definition.name)")
      #expect(definition.description.count > 100)
    }
    let gif = try #require(registry.definitions.first?.inputSchema)
    #expect(
      gif["properties"]?["codec"]?["enum"]
        == .array([.string("h264"), .string("hevc"), .string("vp9"), .string("av1"), .null]))
    #expect(gif["properties"]?["input"]?["type"] == .string("string"))
    #expect(gif["properties"]?["crf"]?["type"] == .array([.string("integer"), .string("null")]))
    #expect(gif["properties"]?["loop"]?["maximum"] == .number(1000))
    let palette = registry.definitions[1].inputSchema
    #expect(
      palette["properties"]?["exclude"]?["items"]?["enum"]
        == .array([.string("white"), .string("black"), .string("border")]))
  }

  @Test func derivesOutputSchemasFromTheReportTypes() throws {
    let registry = try LumenToolbox.registry()
    let video = try #require(registry.definitions.first?.outputSchema)
    #expect(video["type"] == .string("object") && video["additionalProperties"] == .bool(false))
    #expect(video["properties"]?["framesDecoded"]?["type"] == .string("integer"))
    #expect(video["properties"]?["warnings"]?["items"]?["type"] == .string("string"))
    // An optional the encoder leaves out when nil is nullable and not required.
    #expect(
      video["properties"]?["gifLoopCount"]?["type"]
        == .array([.string("integer"), .string("null")]))
    guard case .array(let required)? = video["required"] else {
      Issue.record("no required list")
      return
    }
    #expect(
      required.contains(.string("framesDecoded")) && !required.contains(.string("gifLoopCount")))
    let palette = registry.definitions[1].outputSchema
    let result = palette["properties"]?["palette"]
    #expect(
      result?["properties"]?["colors"]?["items"]?["properties"]?["oklch"]?["properties"]?["h"]?[
        "type"] == .string("number"))
    #expect(
      result?["properties"]?["excludedShares"]?["additionalProperties"]?["type"]
        == .string("number"))
    #expect(result?["properties"]?["seed"]?["type"] == .string("integer"))
    let map = try #require(registry.definitions[2].outputSchema)
    #expect(map["properties"]?["skipped"]?["additionalProperties"]?["type"] == .string("integer"))
    #expect(map["properties"]?["elapsedSeconds"]?["type"] == .string("number"))
    let mapInput = try #require(registry.definitions[2].inputSchema)
    #expect(mapInput["properties"]?["width"]?["maximum"] == .number(1920))
    #expect(
      mapInput["properties"]?["theme"]?["enum"]
        == .array([.string("dark"), .string("light"), .null]))
  }

  @Test func aPreviewIsInlinedOnlyWhenAskedAndSmall() async throws {
    let folder = TemporaryDirectory()
    try FileManager.default.copyItem(
      atPath: Fixtures.path("palette-3colors.png"), toPath: folder.file("p.png"))
    let registry = try LumenToolbox.registry()
    let context = ToolContext(workspace: try Workspace(root: folder.path))
    let base =
      #"{"image": "p.png", "k": 3, "space": null, "exclude": null, "exact_colors": null, "swatch": null, "swatch_layout": null, "preview": "#
    let plain = try await registry.call(
      name: "extract_palette", arguments: try JSONText.decode(base + "null}"), context: context)
    #expect(!plain.isError && plain.preview == nil)
    let shown = try await registry.call(
      name: "extract_palette", arguments: try JSONText.decode(base + "true}"), context: context)
    let preview = try #require(shown.preview)
    #expect(
      preview.format.mimeType == "image/png"
        && preview.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(preview.bytes.count < ToolPreview.byteLimit)
    #expect(
      ToolPreview(format: .png, bytes: [UInt8](repeating: 0, count: ToolPreview.byteLimit + 1))
        == nil)
  }

  @Test func aSwatchCanBeAGrid() async throws {
    let folder = TemporaryDirectory()
    try FileManager.default.copyItem(
      atPath: Fixtures.path("palette-3colors.png"), toPath: folder.file("p.png"))
    let registry = try LumenToolbox.registry()
    let context = ToolContext(workspace: try Workspace(root: folder.path))
    let arguments =
      #"{"image": "p.png", "k": 3, "space": null, "exclude": null, "exact_colors": null, "swatch": "s.png", "swatch_layout": "grid", "preview": null}"#
    let result = try await registry.call(
      name: "extract_palette", arguments: try JSONText.decode(arguments), context: context)
    #expect(!result.isError && result.files == ["s.png"])
    // PNG header: width and height are big-endian at bytes 16 and 20.
    let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.file("s.png"))))
    let size = [16, 20].map { png[$0..<$0 + 4].reduce(0) { $0 << 8 | Int($1) } }
    #expect(size == [800, 100])
    let bad =
      #"{"image": "p.png", "k": 3, "space": null, "exclude": null, "exact_colors": null, "swatch": null, "swatch_layout": "pie", "preview": null}"#
    #expect(
      try await registry.call(
        name: "extract_palette", arguments: try JSONText.decode(bad), context: context
      ).isError)
  }

  @Test(arguments: WireFormat.allCases)
  func listsDefinitionsInEveryWireForm(format: WireFormat) throws {
    let listed = format.definitions(try LumenToolbox.registry().definitions)
    let text = try JSONText.encode(listed)
    #expect(text.contains("gif_to_video") && text.contains("extract_palette"))
    switch format {
    case .openai:
      #expect(
        listed.arrayCount == 8 && text.contains(#""strict":true"#)
          && text.contains(#""parameters""#))
    case .responses:
      #expect(
        text.contains(#""type":"function","name""#) || text.contains(#""name":"gif_to_video""#))
    case .anthropic: #expect(text.contains(#""input_schema""#))
    case .mcp:
      #expect(text.contains(#""inputSchema""#) && listed["tools"] != nil)
      #expect(
        text.contains(#""destructiveHint":false"#) && text.contains(#""title":"GIF to video""#))
    }
  }
}

extension JSONValue {
  var arrayCount: Int {
    if case .array(let items) = self { return items.count }
    return -1
  }
}

@Suite struct ArgumentValidationTests {
  let registry = try! LumenToolbox.registry()

  func call(_ arguments: String) async throws -> ToolResult {
    let folder = TemporaryDirectory()
    return try await registry.call(
      name: "gif_to_video", arguments: try JSONText.decode(arguments),
      context: ToolContext(workspace: try Workspace(root: folder.path)))
  }

  @Test func namesEveryBadFieldAndShowsAValidExample() async throws {
    let result = try await call(
      #"{"input": 3, "output": null, "codec": "mpeg2", "crf": 2.5, "preset": null, "background": null, "max_width": 0, "colour": "red"}"#
    )
    #expect(result.isError)
    #expect(result.text.contains("input: expected a string, got integer"))
    #expect(result.text.contains(#"codec: "mpeg2" is not one of "h264""#))
    #expect(result.text.contains("crf: expected a whole number"))
    #expect(result.text.contains("max_width: 0 is outside 2…16384"))
    #expect(result.text.contains("colour: unknown field"))
    // A nullable field left out means null: `loop` is missing, and not reported.
    #expect(!result.text.contains("loop:"))
    #expect(result.text.contains("A valid call looks like: {\"input\": \"cat.gif\""))
  }

  @Test func leavesOutNullableFieldsAsNullButNotRequiredOnes() async throws {
    let omitted = try await call(#"{"input": "cat.gif"}"#)
    #expect(omitted.isError)
    #expect(!omitted.text.contains("missing required field"))
    #expect(omitted.text.contains("no such file in the workspace: cat.gif"))
    let noInput = try await call(#"{"output": "x.mp4"}"#)
    #expect(noInput.text.contains("input: missing required field"))
  }

  @Test func aHugeNumberIsAnErrorResultNotACrash() async throws {
    for number in ["1e308", "1e19", "-1e300", "9223372036854775808"] {
      let result = try await call(#"{"input": "cat.gif", "crf": \#(number)}"#)
      #expect(result.isError)
      #expect(result.text.contains("crf:"))
    }
  }

  @Test func anUnknownToolIsAProtocolError() async throws {
    let folder = TemporaryDirectory()
    await #expect(throws: ToolError.unknownTool("gif2mp4")) {
      _ = try await registry.call(
        name: "gif2mp4", arguments: .object([:]),
        context: ToolContext(workspace: try Workspace(root: folder.path)))
    }
  }
}

@Suite struct WorkspaceTests {
  @Test(arguments: [
    "/etc/passwd", "../x.gif", "a/../../x.gif", "~/x.gif", "file:///etc/passwd",
    "https://example.com/a.gif", "a\u{0}b.gif", "",
  ])
  func refusesPathsThatLeaveTheWorkspace(path: String) throws {
    let folder = TemporaryDirectory()
    let workspace = try Workspace(root: folder.path)
    #expect(throws: ToolError.self) { _ = try workspace.input(path, field: "input") }
    #expect(throws: ToolError.self) { _ = try workspace.output(path, field: "output") }
  }

  /// Names Foundation's NSString path functions trap on (found by FuzzToolCall: a run of
  /// replacement characters, then slashes) are answered, never a crash.
  @Test(arguments: [
    "::::::::::::::::[::E.G" + String(repeating: "\u{FFFD}", count: 28) + "///////////////"
      + String(repeating: "\u{FFFD}", count: 4) + "gif",
    "a//b///", "\u{FFFD}/\u{FFFD}/", "///",
    "x/" + String(repeating: "\u{0301}", count: 9) + "/y.gif",
  ])
  func answersOddNamesWithoutTrapping(path: String) throws {
    let folder = TemporaryDirectory()
    folder.write([1], to: "a.gif")
    let workspace = try Workspace(root: folder.path)
    #expect(throws: ToolError.self) { _ = try workspace.input(path, field: "input") }
    _ = workspace.closestNames(to: path)
    _ = try? workspace.output(path, field: "output")
  }

  /// A pattern in a file name lists the regular files it matches in byte order (hidden files
  /// and folders passed over); a pattern in a folder, a folder outside, no match and too many
  /// matches are refused in words.
  @Test func expandsAPatternInAFileName() throws {
    let folder = TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: folder.file("frames/f-9.png"), withIntermediateDirectories: true)
    for name in ["frames/f-2.png", "frames/f-1.png", "frames/f-10.png", "frames/.f-0.png"] {
      _ = folder.write([0], to: name)
    }
    let workspace = try Workspace(root: folder.path)
    let found = try workspace.inputs(matching: "frames/f-*.png", field: "inputs", limit: 10)
    #expect(
      found.map { workspace.relative($0) } == [
        "frames/f-1.png", "frames/f-10.png", "frames/f-2.png",
      ])
    #expect(
      try workspace.inputs(matching: "frames/f-?.png", field: "inputs", limit: 10).count == 2)
    // A file named like a pattern is itself.
    _ = folder.write([0], to: "frames/f-[1].png")
    #expect(
      try workspace.inputs(matching: "frames/f-[1].png", field: "inputs", limit: 10).map {
        workspace.relative($0)
      } == ["frames/f-[1].png"])
    for (pattern, words) in [
      ("*/f-1.png", "not folders"), ("../*.png", ".."),
      ("frames/*.gif", "no file in the workspace matches"),
      ("nowhere/*.png", "no such folder"),
    ] {
      #expect {
        _ = try workspace.inputs(matching: pattern, field: "inputs", limit: 10)
      } throws: { error in
        "\(error)".contains(words)
      }
    }
    #expect {
      _ = try workspace.inputs(matching: "frames/*.png", field: "inputs", limit: 2)
    } throws: { error in
      "\(error)".contains("matches more than 2 files")
    }
  }

  /// make_gif takes a pattern for its images and names the GIF after the first one.
  @Test func makeGIFTakesAPattern() async throws {
    let folder = TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: folder.file("shots"), withIntermediateDirectories: true)
    let png = try [UInt8](
      Data(contentsOf: URL(fileURLWithPath: Fixtures.path("palette-3colors.png"))))
    for i in 1...3 { _ = folder.write(png, to: "shots/s\(i).png") }
    let result = try await LumenToolbox.registry().call(
      name: "make_gif",
      arguments: try JSONText.decode(#"{"inputs": ["shots/s*.png"], "delay": 10}"#),
      context: ToolContext(workspace: try Workspace(root: folder.path)))
    #expect(!result.isError, "\(result.text)")
    #expect(FileManager.default.fileExists(atPath: folder.file("shots/s1.gif")))
    #expect(result.text.contains(", 0.3 s,"), "\(result.text)")  // three images of 10 cs
  }

  @Test func refusesSymlinksOutOfTheWorkspace() throws {
    let folder = TemporaryDirectory()
    let outside = TemporaryDirectory()
    outside.write([1, 2, 3], to: "secret.gif")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("link.gif"), withDestinationPath: outside.file("secret.gif"))
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("out"), withDestinationPath: outside.path)
    let workspace = try Workspace(root: folder.path)
    #expect { _ = try workspace.input("link.gif", field: "input") } throws: {
      "\($0)".contains("outside the workspace")
    }
    #expect { _ = try workspace.output("out/x.mp4", field: "output") } throws: {
      "\($0)".contains("outside the workspace")
    }
  }

  @Test func suggestsTheClosestNamesForAMissingFile() throws {
    let folder = TemporaryDirectory()
    folder.write([1], to: "photo_coffee.png")
    folder.write([1], to: "photo_tea.png")
    folder.write([1], to: "lighthouses.csv")
    let workspace = try Workspace(root: folder.path)
    #expect { _ = try workspace.input("Photo_Coffee.png", field: "image") } throws: {
      "\($0)".contains(#"did you mean "photo_coffee.png"?"#)
    }
    #expect { _ = try workspace.input("lighthouse.csv", field: "points") } throws: {
      "\($0)".contains(#""lighthouses.csv""#)
    }
    #expect { _ = try workspace.input("zzzzzzzz.gif", field: "input") } throws: {
      "\($0)".contains("call list_files")
    }
  }

  @Test func refusesFoldersFIFOsAndMissingOutputFoldersInPlainWords() throws {
    let folder = TemporaryDirectory()
    #expect(mkfifo(folder.file("pipe.gif"), 0o644) == 0)
    let workspace = try Workspace(root: folder.path)
    #expect { _ = try workspace.input("pipe.gif", field: "input") } throws: {
      "\($0)".contains("not a regular file")
    }
    #expect { _ = try workspace.input(".", field: "input") } throws: {
      "\($0)".contains("is a folder")
    }
    #expect { _ = try workspace.output("nope/x.mp4", field: "output") } throws: {
      "\($0)".contains("the folder nope does not exist")
    }
  }

  @Test func listsFilesWithAGlobLeavingOutHiddenOnes() throws {
    let folder = TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: folder.file("sub"), withIntermediateDirectories: true)
    folder.write([1, 2], to: "a.gif")
    folder.write([1], to: "sub/b.gif")
    folder.write([1], to: "c.png")
    folder.write([1], to: ".x.mp4.abc.lumen-tmp")
    let workspace = try Workspace(root: folder.path)
    #expect(try workspace.files().entries.map(\.path) == ["a.gif", "c.png", "sub/b.gif"])
    #expect(try workspace.files(matching: "*.gif").entries.map(\.path) == ["a.gif", "sub/b.gif"])
    #expect(try workspace.files(under: "sub").entries.map(\.path) == ["sub/b.gif"])
    let limited = try workspace.files(limit: 2)
    #expect(limited.entries.count == 2 && limited.truncated)
    #expect(try workspace.files().entries.first?.bytes == 2)
  }

  @Test func acceptsFilesInsideAndRefusesToOverwrite() throws {
    let folder = TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: folder.file("sub"), withIntermediateDirectories: true)
    folder.write([1], to: "sub/a.gif")
    let workspace = try Workspace(root: folder.path)
    #expect(try workspace.input("sub/a.gif", field: "input").hasSuffix("/sub/a.gif"))
    #expect(try workspace.output("sub/b.mp4", field: "output").hasSuffix("/sub/b.mp4"))
    #expect(throws: ToolError.self) { _ = try workspace.output("sub/a.gif", field: "output") }
    #expect(workspace.relative(workspace.root + "/sub/a.gif") == "sub/a.gif")
  }
}

@Suite struct WireFormatTests {
  @Test func parsesOpenAIResponsesAndAnthropicCalls() throws {
    let openai = try ToolCall.parse(
      JSONText.decode(
        #"{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"extract_palette","arguments":"{\"image\":\"a.png\"}"}},{"id":"c2","type":"function","function":{"name":"gif_to_video","arguments":"{}"}}]}"#
      ))
    #expect(openai.map(\.id) == ["c1", "c2"])
    #expect(openai[0].arguments == .object(["image": .string("a.png")]))
    #expect(openai[0].format == .openai)
    let responses = try ToolCall.parse(
      JSONText.decode(
        #"{"output":[{"type":"reasoning"},{"type":"function_call","call_id":"r1","name":"extract_palette","arguments":"{\"k\":3}"}]}"#
      ))
    #expect(responses.map(\.id) == ["r1"] && responses[0].format == .responses)
    let anthropic = try ToolCall.parse(
      JSONText.decode(
        #"{"role":"assistant","content":[{"type":"text","text":"hi"},{"type":"tool_use","id":"t1","name":"extract_palette","input":{"k":2}}]}"#
      ))
    #expect(anthropic.map(\.id) == ["t1"] && anthropic[0].arguments["k"] == .number(2))
  }

  @Test func refusesMalformedArguments() throws {
    #expect(throws: ToolError.self) {
      _ = try ToolCall.parse(
        JSONText.decode(
          #"{"id":"c1","type":"function","function":{"name":"x","arguments":"{not json"}}"#))
    }
  }

  @Test func answersInTheCallersDialect() throws {
    let ok = ToolResult(isError: false, text: "done")
    let failed = ToolResult(isError: true, text: "bad")
    let openai = ToolCall(id: "c1", name: "x", arguments: .object([:]), format: .openai)
    #expect(
      openai.answer(ok)
        == .object([
          "role": .string("tool"), "tool_call_id": .string("c1"), "content": .string("done"),
        ]))
    let responses = ToolCall(id: "r1", name: "x", arguments: .object([:]), format: .responses)
    #expect(responses.answer(failed)["output"] == .string("Error: bad"))
    let anthropic = ToolCall(id: "t1", name: "x", arguments: .object([:]), format: .anthropic)
    let message = ToolCall.answers([(anthropic, failed)])
    #expect(message["role"] == .string("user"))
    #expect(try JSONText.encode(message).contains(#""is_error":true"#))
  }
}

@Suite struct DispatchTests {
  @Test func convertsAGIFInsideTheWorkspace() async throws {
    let folder = TemporaryDirectory()
    try FileManager.default.copyItem(
      atPath: Fixtures.path("vips__cogs.gif"), toPath: folder.file("cogs.gif"))
    let registry = try LumenToolbox.registry()
    let result = try await registry.call(
      name: "gif_to_video",
      arguments: JSONText.decode(
        ##"{"input":"cogs.gif","output":null,"codec":null,"crf":null,"preset":"ultrafast","background":"#000000","max_width":null,"loop":2}"##
      ),
      context: ToolContext(workspace: try Workspace(root: folder.path)))
    #expect(!result.isError, "\(result.text)")
    #expect(result.files == ["cogs.mp4"])
    #expect(result.structured?["output"] == JSONValue.string("cogs.mp4"))
    #expect(result.structured?["plays"] == JSONValue.number(2))
    #expect(folder.contents() == ["cogs.gif", "cogs.mp4"])
  }

  @Test func reportsFailuresInsideToolsAsErrorResults() async throws {
    let folder = TemporaryDirectory()
    folder.write(Array("GIF89a broken".utf8), to: "bad.gif")
    let registry = try LumenToolbox.registry()
    let result = try await registry.call(
      name: "gif_to_video",
      arguments: JSONText.decode(
        #"{"input":"bad.gif","output":"bad.mp4","codec":null,"crf":null,"preset":null,"background":null,"max_width":null,"loop":null}"#
      ),
      context: ToolContext(workspace: try Workspace(root: folder.path)))
    #expect(result.isError)
    #expect(folder.contents() == ["bad.gif"])
  }

  @Test func answersBusyBeyondTheConcurrencyCap() async throws {
    let folder = TemporaryDirectory()
    for i in 0..<6 {
      try FileManager.default.copyItem(
        atPath: Fixtures.path("demo.gif"), toPath: folder.file("\(i).gif"))
    }
    let registry = try LumenToolbox.registry(policy: .init(maxConcurrentHeavyCalls: 1))
    let workspace = try Workspace(root: folder.path)
    let results = try await withThrowingTaskGroup(of: ToolResult.self) { group in
      for i in 0..<6 {
        group.addTask {
          try await registry.call(
            name: "gif_to_video",
            arguments: JSONText.decode(
              #"{"input":"\#(i).gif","output":null,"codec":null,"crf":null,"preset":"ultrafast","background":null,"max_width":null,"loop":null}"#
            ),
            context: ToolContext(workspace: workspace))
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.contains { !$0.isError })
    #expect(results.allSatisfy { !$0.isError || $0.text.hasPrefix("busy") })
  }

  @Test func cancelsCallsPastTheTimeout() async throws {
    let folder = TemporaryDirectory()
    if let corpus = Fixtures.gifCorpus {
      try FileManager.default.copyItem(
        atPath: corpus.appendingPathComponent("synth_testsrc_1280x720_60f.gif").path,
        toPath: folder.file("big.gif"))
    } else {
      try FileManager.default.copyItem(
        atPath: Fixtures.path("demo.gif"), toPath: folder.file("big.gif"))
    }
    let registry = try LumenToolbox.registry(policy: .init(timeoutSeconds: 0.05))
    let result = try await registry.call(
      name: "gif_to_video",
      arguments: JSONText.decode(
        #"{"input":"big.gif","output":null,"codec":null,"crf":null,"preset":"veryslow","background":null,"max_width":null,"loop":50}"#
      ),
      context: ToolContext(workspace: try Workspace(root: folder.path)))
    #expect(result.isError)
    #expect(result.text.contains("timed out") || result.text.contains("cancelled"))
    #expect(folder.contents() == ["big.gif"])
  }
}
