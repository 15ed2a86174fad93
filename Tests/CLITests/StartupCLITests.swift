import Foundation
import TestSupport
import Testing

/// `lumen` starts like a C program (Swift runtime and Foundation linked in, no networking
/// loaded), and `lumen mcp` hands over to the `lumen-mcp` server beside it.
@Suite struct StartupCLITests {
  /// The shared libraries the dynamic loader maps for an executable (`ldd`).
  func loadedLibraries(_ executable: URL) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
    process.arguments = [executable.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
      $0.split(separator: " ").first.map { String($0.trimmingCharacters(in: .whitespaces)) }
    }
  }

  @Test func lumenLoadsNoRuntimeNetworkingOrDrawingLibrariesAtStart() throws {
    let libraries = try loadedLibraries(Fixtures.lumenExecutable)
    #expect(libraries.contains { $0.hasPrefix("libc.so") })
    // cairo (and the X11 and font libraries behind it) is opened on first draw, FFmpeg on first
    // use of video.
    for unwanted in [
      "libswiftCore", "libFoundation", "libcurl", "libssl", "libdispatch", "libcairo", "libX11",
      "libavcodec",
    ] {
      #expect(!libraries.contains { $0.hasPrefix(unwanted) }, "\(unwanted) in \(libraries)")
    }
  }

  @Test func mcpHelpIsTheServersHelp() throws {
    let run = try Run(["mcp", "--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("USAGE: lumen mcp"))
    #expect(run.stdout.contains("--workspace"))
    #expect(run.stdout.contains("--allow-host"))
  }

  @Test func mcpOptionErrorsComeFromTheServer() throws {
    let run = try Run(["mcp", "--port", "5"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--port needs --http"))
  }

  /// After the hand-over the server is the same process: a SIGTERM sent to the `lumen` that a
  /// client started ends the server with the conventional status.
  @Test func theServerIsTheProcessTheClientStarted() throws {
    let folder = TemporaryDirectory()
    let process = Process()
    process.executableURL = Fixtures.lumenExecutable
    process.arguments = ["mcp", "--workspace", folder.path]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let ping = #"{"jsonrpc":"2.0","id":7,"method":"ping"}"# + "\n"
    input.fileHandleForWriting.write(Data(ping.utf8))
    var reply = Data()
    let deadline = Date().addingTimeInterval(20)
    while !reply.contains(UInt8(ascii: "\n")), Date() < deadline {
      reply.append(output.fileHandleForReading.availableData)
    }
    #expect(String(decoding: reply, as: UTF8.self).contains(#""id":7"#))
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationStatus == 128 + SIGTERM)
  }
}
