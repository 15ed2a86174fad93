import Foundation
import TestSupport
import Testing

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
    ["--codec", "mpeg2"], ["--loop", "0"], ["--fps", "0"],
    ["--scale", "10x10", "--max-width", "8"],
  ])
  func rejectsBadOptionsAsUsageErrors(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let run = try Run(
      ["gif2video", Fixtures.path("demo.gif"), "-o", folder.file("x.mp4")] + arguments)
    #expect(run.status == 64)
    #expect(run.stderr.contains("Error:"))
    #expect(folder.contents().isEmpty)
  }

  @Test func refusesH264InWebMAsAUsageError() throws {
    let folder = TemporaryDirectory()
    let run = try Run([
      "gif2video", Fixtures.path("demo.gif"), "-o", folder.file("x.webm"), "--codec", "h264",
    ])
    #expect(run.status == 64)
    #expect(run.stderr.contains("use codec vp9 or av1 for .webm"))
    #expect(folder.contents().isEmpty)
  }

  @Test func showsVersionAndHelpWithExamples() throws {
    let version = try Run(["--version"])
    #expect(version.status == 0)
    #expect(
      version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count
        == 3)
    let help = try Run(["--help"])
    #expect(help.stdout.contains("Examples:"))
    #expect(help.stdout.contains("gif2video"))
    let sub = try Run(["gif2video", "--help"])
    #expect(sub.stdout.contains("Examples:"))
    #expect(sub.stdout.contains("--background"))
  }
}
