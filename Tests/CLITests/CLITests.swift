import Foundation
import TestSupport
import Testing

/// Runs the built `lumen` executable and collects what it printed.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String

  /// Runs `lumen` with `arguments`, adding `environment` to this process's environment.
  init(_ arguments: [String], environment: [String: String] = [:]) throws {
    let process = Process()
    process.executableURL = Fixtures.lumenExecutable
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    // stderr goes to a file: reading two pipes one after the other deadlocks once the child
    // fills the second pipe's buffer.
    let errFolder = TemporaryDirectory()
    let errPath = errFolder.file("stderr")
    FileManager.default.createFile(atPath: errPath, contents: nil)
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let out = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try err.close()
    status = process.terminationStatus
    stdout = String(decoding: outData, as: UTF8.self)
    stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
  }

  var json: [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
  }
}

@Suite struct CLITests {
  @Test func convertsAndPrintsAJSONReport() throws {
    let folder = TemporaryDirectory()
    let output = folder.file("demo.mp4")
    let run = try Run(["gif2video", Fixtures.path("demo.gif"), "-o", output, "--json"])
    #expect(run.status == 0)
    let json = try #require(run.json)
    for key in [
      "input", "inputBytes", "width", "height", "framesFound", "framesDecoded", "framesEncoded",
      "gifDurationSeconds", "outputDurationSeconds", "codec", "pixelFormat", "outputBytes",
      "warnings", "background", "colorTags",
    ] {
      #expect(json[key] != nil, "missing \(key)")
    }
    #expect(json["framesDecoded"] as? Int == 24)
    #expect(json["gifDurationSeconds"] as? Double == 2.4)
    #expect(json["codec"] as? String == "h264")
    #expect(json["pixelFormat"] as? String == "yuv420p")
    #expect((json["outputBytes"] as? Int ?? 0) > 1000)
    #expect(run.stderr.isEmpty)
  }

  @Test func printsATextSummaryByDefault() throws {
    let folder = TemporaryDirectory()
    let run = try Run(["gif2video", Fixtures.path("vips__cogs.gif"), "-o", folder.file("c.mp4")])
    #expect(run.status == 0)
    #expect(run.stdout.contains("5 of 5 frames decoded"))
    #expect(run.stdout.contains("warning: padded 85×77 to 86×78"))
    #expect(run.stdout.contains("warning: transparency flattened on #ffffff"))
  }

  @Test func writesBesideTheInputWithoutOutput() throws {
    let folder = TemporaryDirectory()
    let input = folder.file("in.gif")
    try FileManager.default.copyItem(atPath: Fixtures.path("vips__cogs.gif"), toPath: input)
    #expect(try Run(["gif2video", input]).status == 0)
    #expect(folder.contents() == ["in.gif", "in.mp4"])
  }

  @Test func exitsNonZeroWithAMessageForAMissingFile() throws {
    let run = try Run(["gif2video", "/nonexistent/in.gif", "-o", "/tmp/never.mp4"])
    #expect(run.status == 66)
    #expect(run.stderr.contains("error: cannot read /nonexistent/in.gif"))
    #expect(run.stdout.isEmpty)
  }

  @Test func refusesAFolderAsInput() throws {
    let folder = TemporaryDirectory()
    let run = try Run(["gif2video", folder.path, "-o", folder.file("x.mp4")])
    #expect(run.status == 66)
    #expect(run.stderr.contains("it is a folder"))
    let palette = try Run(["palette", folder.path])
    #expect(palette.status == 66)
    #expect(palette.stderr.contains("it is a folder"))
  }

  @Test func exitsWithDataErrorWhenNothingDecodes() throws {
    let folder = TemporaryDirectory()
    let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path("demo.gif")))
    let input = folder.write(Array(bytes.prefix(900)), to: "cut.gif")
    let run = try Run(["gif2video", input, "-o", folder.file("cut.mp4"), "--json"])
    #expect(run.status == 65)
    #expect(run.json?["error"] as? String != nil)
    #expect(run.json?["exitCode"] as? Int == 65)
    #expect(folder.contents() == ["cut.gif"])
  }

  @Test(arguments: [
    ["--crf", "99"], ["--preset", "fastest"], ["--background", "blue-ish"], ["--scale", "10"],
    ["--codec", "mpeg2"], ["--loop", "0"], ["--fps", "0"], ["--scale", "10x10", "--max-width", "8"],
  ])
  func rejectsBadOptionsAsUsageErrors(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let run = try Run(["gif2video", Fixtures.path("demo.gif"), "-o", folder.file("x.mp4")] + arguments)
    #expect(run.status == 64)
    #expect(run.stderr.contains("Error:"))
    #expect(folder.contents().isEmpty)
  }

  @Test func refusesH264InWebMAsAUsageError() throws {
    let folder = TemporaryDirectory()
    let run = try Run(["gif2video", Fixtures.path("demo.gif"), "-o", folder.file("x.webm")])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--codec vp9 or av1"))
  }

  @Test func showsVersionAndHelpWithExamples() throws {
    let version = try Run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    let help = try Run(["--help"])
    #expect(help.stdout.contains("Examples:"))
    #expect(help.stdout.contains("gif2video"))
    let sub = try Run(["gif2video", "--help"])
    #expect(sub.stdout.contains("Examples:"))
    #expect(sub.stdout.contains("--background"))
  }
}

@Suite struct PaletteCLITests {
  @Test func printsATableAndJSON() throws {
    let text = try Run(["palette", Fixtures.path("palette-3colors.png"), "-k", "3"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("#e63946   230,57,70       50.0%  crimson"))
    let json = try Run(["palette", Fixtures.path("palette-3colors.png"), "-k", "3", "--json"])
    let palette = try #require(json.json?["palette"] as? [String: Any])
    let colors = try #require(palette["colors"] as? [[String: Any]])
    #expect(colors.map { $0["hex"] as? String } == ["#e63946", "#2a9d8f", "#264653"])
    #expect(Set(colors[0].keys) == ["hex", "rgb", "oklch", "weight", "name", "nameDistance"])
    for key in ["fitError", "space", "seed", "pixelsClustered", "pixelsTransparent", "excludedShares"] {
      #expect(palette[key] != nil, "missing \(key)")
    }
  }

  @Test func isByteIdenticalRunToRun() throws {
    let arguments = ["palette", Fixtures.path("photo_hopper.jpg"), "-k", "6", "--json"]
    #expect(try Run(arguments).stdout == (try Run(arguments).stdout))
  }

  @Test func writesFormatFilesAndSwatches() throws {
    let folder = TemporaryDirectory()
    let run = try Run([
      "palette", Fixtures.path("palette-3colors.png"), "-k", "3", "--format", "ase", "-o", folder.file("p.ase"),
      "--swatch", folder.file("s.png"),
    ])
    #expect(run.status == 0)
    #expect(folder.contents() == ["p.ase", "s.png"])
    let css = try Run(["palette", Fixtures.path("palette-3colors.png"), "-k", "3", "--format", "css"])
    #expect(css.stdout.hasPrefix(":root {\n  --palette-1: #e63946;"))
  }

  @Test(arguments: [["-k", "0"], ["-k", "many"], ["--format", "ase"], ["--space", "hsv"], ["--exclude", "grey"]])
  func rejectsBadOptions(arguments: [String]) throws {
    let run = try Run(["palette", Fixtures.path("palette-3colors.png")] + arguments)
    #expect(run.status == 64)
  }

  @Test func failsClearlyOnMissingAndDamagedFiles() throws {
    #expect(try Run(["palette", "/nonexistent.png"]).status == 66)
    let folder = TemporaryDirectory()
    let junk = folder.write(Array("not an image".utf8), to: "junk.jpg")
    let run = try Run(["palette", junk])
    #expect(run.status == 65)
    #expect(run.stderr.contains("no decodable picture"))
  }
}

/// Runs `lumen` with bytes on stdin.
func run(_ arguments: [String], stdin: String, in folder: String) throws -> Run {
  let process = Process()
  process.executableURL = Fixtures.lumenExecutable
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: folder)
  let input = Pipe()
  let output = Pipe()
  let error = Pipe()
  process.standardInput = input
  process.standardOutput = output
  process.standardError = error
  try process.run()
  input.fileHandleForWriting.write(Data(stdin.utf8))
  try input.fileHandleForWriting.close()
  let out = output.fileHandleForReading.readDataToEndOfFile()
  let err = error.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
}

extension Run {
  init(status: Int32, stdout: String, stderr: String) {
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
  }
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
    try FileManager.default.copyItem(atPath: Fixtures.path("palette-3colors.png"), toPath: folder.file("p.png"))
    let message = #"{"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"extract_palette","arguments":"{\"image\":\"p.png\",\"k\":3,\"space\":null,\"exclude\":null,\"exact_colors\":null,\"swatch\":null,\"preview\":null}"}},{"id":"call_2","type":"function","function":{"name":"extract_palette","arguments":"{\"image\":\"/etc/passwd\",\"k\":3,\"space\":null,\"exclude\":null,\"exact_colors\":null,\"swatch\":null,\"preview\":null}"}}]}"#
    let result = try run(["call"], stdin: message, in: folder.path)
    #expect(result.status == 0)
    let answers = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(answers.map { $0["tool_call_id"] as? String } == ["call_1", "call_2"])
    #expect((answers[0]["content"] as? String)?.hasPrefix("3 colours: #e63946 50.0% crimson") == true)
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

@Suite struct MapCLITests {
  @Test func drawsAGIFAndPrintsAJSONReport() throws {
    let folder = TemporaryDirectory()
    let output = folder.file("lights.gif")
    let run = try Run([
      "map", Fixtures.path("lighthouses-sample.csv"), "-o", output, "--size", "320x200", "--seconds", "1",
      "--title", "Lights", "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(run.json)
    #expect(json["pointsDrawn"] as? Int == 45)
    #expect(json["frames"] as? Int == 10)
    #expect(json["region"] as? String == "usa")
    #expect(json["lightsWithCharacteristic"] as? Int == 10)
    #expect((json["outputBytes"] as? Int ?? 0) > 1000)
    #expect(FileManager.default.fileExists(atPath: output))
  }

  @Test(arguments: [
    (["--size", "10x10"], Int32(64), "size"),
    (["--region", "mars"], Int32(64), "--region"),
    (["--fps", "0"], Int32(64), "fps"),
  ])
  func refusesBadOptions(extra: [String], status: Int32, mentions: String) throws {
    let folder = TemporaryDirectory()
    let run = try Run(["map", Fixtures.path("lighthouses-sample.csv"), "-o", folder.file("x.gif")] + extra)
    #expect(run.status == status)
    #expect(run.stderr.contains(mentions), "\(run.stderr)")
    #expect(folder.contents().isEmpty)
  }

  @Test func badDataIsADataErrorAndLeavesNoFile() throws {
    let folder = TemporaryDirectory()
    let csv = folder.write(Array("x,y\n1,2\n".utf8), to: "bad.csv")
    let run = try Run(["map", csv, "-o", folder.file("x.gif")])
    #expect(run.status == 65)
    #expect(run.stderr.contains("no lat/latitude and lon/lng/long/longitude columns"))
    #expect(folder.contents() == ["bad.csv"])
  }
}
