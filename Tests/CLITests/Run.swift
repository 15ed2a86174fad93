import Foundation
import TestSupport
import Testing

/// Runs the built `lumen` executable and collects what it printed.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String

  /// Runs `lumen` with `arguments`, adding `environment` to this process's environment, with
  /// `stdin` (when given) as its standard input and `directory` as its working folder.
  init(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    directory: String? = nil
  ) throws {
    let process = Process()
    process.executableURL = Fixtures.lumenExecutable
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    // stderr goes to a file: reading two pipes one after the other deadlocks once the child
    // fills the second pipe's buffer.
    let errFolder = TemporaryDirectory()
    let errPath = errFolder.file("stderr")
    FileManager.default.createFile(atPath: errPath, contents: nil)
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let out = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    if stdin != nil { process.standardInput = input }
    try process.run()
    if let stdin {
      input.fileHandleForWriting.write(Data(stdin.utf8))
      try input.fileHandleForWriting.close()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try err.close()
    status = process.terminationStatus
    stdout = String(decoding: outData, as: UTF8.self)
    stderr = String(
      decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
  }

  var json: [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
  }
}
