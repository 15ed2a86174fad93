import Foundation
import TestSupport
import Testing

/// README's library example is the compiled `Examples/LibraryExample/main.swift`, letter for
/// letter, and it runs.
@Suite struct ReadmeExampleTests {
  @Test func theReadmeShowsTheCompiledExample() throws {
    let readme = try String(
      contentsOf: Fixtures.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let example = try String(
      contentsOf: Fixtures.repositoryRoot.appendingPathComponent(
        "Examples/LibraryExample/main.swift"),
      encoding: .utf8)
    #expect(readme.contains("```swift\n" + example + "```"))
  }

  @Test func theExampleRuns() throws {
    let executable = Fixtures.lumenExecutable.deletingLastPathComponent().appendingPathComponent(
      "LibraryExample")
    guard FileManager.default.isExecutableFile(atPath: executable.path) else { return }
    let folder = TemporaryDirectory()
    let process = Process()
    process.executableURL = executable
    process.arguments = [
      Fixtures.path("demo.gif"), Fixtures.path("photo_hopper.jpg"),
      Fixtures.path("lighthouses-sample.csv"),
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(folder.contents() == ["lighthouses.gif", "out.mp4"])
  }
}
