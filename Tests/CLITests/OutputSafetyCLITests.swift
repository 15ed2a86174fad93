import Foundation
import TestSupport
import Testing

/// Outputs never destroy data: inputs are refused as outputs, existing files are kept unless
/// `--overwrite`, extensions say what is written, modes are the usual ones, and an interrupted
/// job leaves nothing behind.
@Suite struct OutputSafetyCLITests {
  /// A folder with a copy of the demo GIF, a palette PNG and the sample CSV.
  func workspace() throws -> TemporaryDirectory {
    let folder = TemporaryDirectory()
    for name in ["demo.gif", "palette-3colors.png", "lighthouses-sample.csv", "tables/tips.csv"] {
      try FileManager.default.copyItem(
        atPath: Fixtures.path(name), toPath: folder.file(String(name.split(separator: "/").last!)))
    }
    return folder
  }

  func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  @Test(arguments: [
    ["gif2video", "demo.gif", "-o", "demo.gif"],
    ["gif2video", "demo.gif", "-o", "demo.gif", "-y"],
    ["gif2video", "demo.gif", "-o", "hard.mp4", "-y"],
    ["gif2video", "demo.gif", "-o", "link.mp4", "-y"],
    ["palette", "palette-3colors.png", "--swatch", "palette-3colors.png", "-y"],
    ["palette", "palette-3colors.png", "-o", "hard.css", "-y"],
    ["map", "lighthouses-sample.csv", "-o", "points-link.gif", "-y", "--seconds", "0.2"],
    ["chart", "tips.csv", "--x", "day", "-o", "tips-link.svg", "-y"],
    ["heatmap", "tips.csv", "--x", "day", "--y", "time", "-o", "tips-link.svg", "-y"],
    ["heatmap", "tips.csv", "--x", "day", "--y", "time", "-o", "tips.csv", "-y"],
    ["analyze", "tips.csv", "-o", "tips.csv", "-y"],
    ["analyze", "--partial", "tips.csv", "-o", "tips.csv", "-y"],
    ["analyze", "--partial", "tips.csv", "-o", "tips-link.svg", "-y"],
    ["gif", "demo.gif", "-o", "demo.gif", "-y"],
    ["gif", "demo.gif", "-o", "link.mp4.gif", "-y"],
  ])
  func neverWritesOverAnInput(_ arguments: [String]) throws {
    let folder = try workspace()
    try FileManager.default.linkItem(
      atPath: folder.file("demo.gif"), toPath: folder.file("hard.mp4"))
    try FileManager.default.linkItem(
      atPath: folder.file("palette-3colors.png"), toPath: folder.file("hard.css"))
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("link.mp4"), withDestinationPath: "demo.gif")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("points-link.gif"), withDestinationPath: "lighthouses-sample.csv")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("tips-link.svg"), withDestinationPath: "tips.csv")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("link.mp4.gif"), withDestinationPath: "demo.gif")
    let before = folder.contents().map { bytes(folder.file($0)) }
    let run = try Run(arguments, directory: folder.path)
    #expect(run.status != 0, "\(arguments): \(run.stdout)")
    #expect(run.stderr.contains("error:") || run.stderr.contains("Error:"), "\(run.stderr)")
    #expect(
      folder.contents().map { bytes(folder.file($0)) } == before, "\(arguments) changed a file")
  }

  @Test func refusesAnExistingOutputUnlessOverwriteIsGiven() throws {
    let folder = try workspace()
    let existing = folder.write(Array("keep me".utf8), to: "demo.mp4")
    let refused = try Run(["gif2video", "demo.gif"], directory: folder.path)
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("already exists"))
    #expect(refused.stderr.contains("--overwrite (-y)"))
    #expect(bytes(existing) == Data("keep me".utf8))

    let replaced = try Run(["gif2video", "demo.gif", "--overwrite"], directory: folder.path)
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(bytes(existing)?.count ?? 0 > 1000)
    #expect(!folder.contents().contains { $0.hasSuffix(".lumen-tmp") })
  }

  @Test(arguments: [
    (["palette", "palette-3colors.png", "--swatch", "s.png"], "s.png"),
    (["palette", "palette-3colors.png", "-o", "p.css"], "p.css"),
    (["map", "lighthouses-sample.csv", "-o", "m.gif", "--seconds", "0.2"], "m.gif"),
    (["chart", "tips.csv", "--x", "day", "-o", "c.png"], "c.png"),
    (["chart", "tips.csv", "--x", "day", "-o", "c.html"], "c.html"),
    (["heatmap", "tips.csv", "--x", "day", "--y", "time", "-o", "h.html"], "h.html"),
    (["heatmap", "tips.csv", "--x", "day", "--y", "time", "-o", "h.png"], "h.png"),
    (["analyze", "--partial", "tips.csv", "-o", "t.state"], "t.state"),
  ])
  func everyCommandRefusesAnExistingOutput(_ arguments: [String], output: String) throws {
    let folder = try workspace()
    let existing = folder.write(Array("keep me".utf8), to: output)
    let run = try Run(arguments, directory: folder.path)
    #expect(run.status == 73, "\(run.stderr)")
    #expect(bytes(existing) == Data("keep me".utf8))
    let forced = try Run(arguments + ["-y"], directory: folder.path)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(bytes(existing) != Data("keep me".utf8))
  }

  @Test(arguments: [
    (["gif2video", "demo.gif", "-o", "x.gif"], "writes video, not GIF"),
    (["gif2video", "demo.gif", "-o", "x.mov"], "not .mov"),
    (["gif2video", "demo.gif", "-o", "x.mkv"], "not .mkv"),
    (["gif2video", "demo.gif", "-o", "x.webm", "--codec", "hevc"], "cannot be written to .webm"),
    (["palette", "palette-3colors.png", "--swatch", "s.jpg"], "name it .png"),
    (["palette", "palette-3colors.png", "-o", "p.pdf"], "name it .css, .gpl, .ase, .hex or .txt"),
    (["palette", "palette-3colors.png", "-o", "p.css", "--format", "gpl"], "disagrees"),
    (["map", "lighthouses-sample.csv", "-o", "m.jpg"], ".gif, .mp4, .webm or .png"),
    (["chart", "tips.csv", "--x", "day", "-o", "c.jpg"], ".png, .svg, .pdf or .html"),
    (
      ["heatmap", "tips.csv", "--x", "day", "--y", "time", "-o", "h.jpg"],
      ".html, .png, .svg or .pdf"
    ),
  ])
  func refusesExtensionsItDoesNotWrite(_ arguments: [String], mentions: String) throws {
    let folder = try workspace()
    let before = folder.contents()
    let run = try Run(arguments, directory: folder.path)
    #expect(run.status == 64, "\(arguments): \(run.stderr)")
    #expect(run.stderr.contains(mentions), "\(run.stderr)")
    #expect(folder.contents() == before)
  }

  @Test func followsTheExtension() throws {
    let folder = try workspace()
    let webm = try Run(
      ["gif2video", "demo.gif", "-o", "demo.webm", "--json"], directory: folder.path)
    #expect(webm.status == 0, "\(webm.stderr)")
    #expect(webm.json?["codec"] as? String == "vp9")
    let css = try Run(
      ["palette", "palette-3colors.png", "-k", "3", "-o", "p.css"], directory: folder.path)
    #expect(css.status == 0, "\(css.stderr)")
    #expect(
      String(decoding: bytes(folder.file("p.css")) ?? Data(), as: UTF8.self).contains(
        "--palette-1: #e63946"))
    let map = try Run(
      ["map", "lighthouses-sample.csv", "--seconds", "0.2"], directory: folder.path)
    #expect(map.status == 0, "\(map.stderr)")
    #expect(
      bytes(folder.file("lighthouses-sample.gif"))?.starts(with: Array("GIF89a".utf8)) == true)
  }

  @Test func newFilesGetTheUsualMode() throws {
    let folder = try workspace()
    for arguments in [
      ["map", "lighthouses-sample.csv", "-o", "m.gif", "--seconds", "0.2"],
      ["map", "lighthouses-sample.csv", "-o", "m.png"],
      ["gif2video", "demo.gif"],
      ["palette", "palette-3colors.png", "--swatch", "s.png", "-o", "p.gpl"],
    ] {
      let run = try Run(arguments, directory: folder.path)
      #expect(run.status == 0, "\(run.stderr)")
    }
    for name in ["m.gif", "m.png", "demo.mp4", "s.png", "p.gpl"] {
      let attributes = try FileManager.default.attributesOfItem(atPath: folder.file(name))
      #expect((attributes[.posixPermissions] as? Int) == 0o644, "\(name)")
    }
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func anInterruptedJobLeavesNothing(_ signalNumber: Int32) throws {
    let folder = try workspace()
    let process = Process()
    process.executableURL = Fixtures.lumenExecutable
    process.arguments = [
      "map", "lighthouses-sample.csv", "-o", "long.mp4", "--seconds", "120", "--fps", "30",
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until the temporary file exists, so the signal arrives mid-job.
    let deadline = Date().addingTimeInterval(20)
    while !folder.contents().contains(where: { $0.hasSuffix(".lumen-tmp") }), Date() < deadline {
      usleep(20_000)
    }
    #expect(folder.contents().contains { $0.hasSuffix(".lumen-tmp") })
    kill(process.processIdentifier, signalNumber)
    process.waitUntilExit()
    #expect(process.terminationStatus == 128 + signalNumber)
    #expect(
      folder.contents() == [
        "demo.gif", "lighthouses-sample.csv", "palette-3colors.png", "tips.csv",
      ])
  }

  @Test func anAnalysisFolderIsKeptUnlessOverwriteIsGiven() throws {
    let folder = try workspace()
    let first = try Run(["analyze", "tips.csv", "-o", "out"], directory: folder.path)
    #expect(first.status == 0, "\(first.stderr)")
    let stats = folder.file("out/stats.json")
    let before = bytes(stats)
    let charts = try FileManager.default.contentsOfDirectory(atPath: folder.file("out/charts"))
    #expect(charts.count >= 4)
    let again = try Run(
      ["analyze", "tips.csv", "-o", "out", "--max-charts", "1"], directory: folder.path)
    #expect(again.status == 73)
    #expect(again.stderr.contains("earlier analysis") && again.stderr.contains("-y"))
    #expect(bytes(stats) == before)
    let replaced = try Run(
      ["analyze", "tips.csv", "-o", "out", "--max-charts", "1", "-y"], directory: folder.path)
    #expect(replaced.status == 0, "\(replaced.stderr)")
    // The charts of the earlier analysis that were not redrawn are gone; nothing temporary left.
    let after = try FileManager.default.contentsOfDirectory(atPath: folder.file("out/charts"))
    #expect(after.count == 2)
    let everything = try FileManager.default.subpathsOfDirectory(atPath: folder.file("out"))
    #expect(!everything.contains { $0.hasSuffix(".lumen-tmp") })
  }

  @Test func aCopiedBinaryDrawsMapsWithItsOwnBasemaps() throws {
    let folder = try workspace()
    let copy = folder.file("lumen-copy")
    try FileManager.default.copyItem(atPath: Fixtures.lumenExecutable.path, toPath: copy)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: copy)
    process.arguments = ["map", "lighthouses-sample.csv", "-o", "world.png", "--region", "world"]
    process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(FileManager.default.contents(atPath: folder.file("world.png"))?.count ?? 0 > 10_000)
  }

  @Test func helpForANonexistentCommandIsAUsageError() throws {
    let run = try Run(["help", "nosuch"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("no command named 'nosuch'"))
    #expect(try Run(["help", "map"]).status == 0)
  }
}
