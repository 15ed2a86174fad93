import ArgumentParser
import Foundation

/// Reports a failed operation, `error: …` on stderr (and a JSON error object on stdout with
/// `--json`), and returns the exit code that says what kind of failure it was.
enum CommandFailure {
  static func report(_ error: any Error, json: Bool) -> ExitCode {
    let code = ExitStatus.code(for: error)
    var err = StandardError()
    err.write("error: \(error)\n")
    if json {
      let body: [String: Any] = ["error": "\(error)", "exitCode": Int(code)]
      if let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) {
        print(String(decoding: data, as: UTF8.self))
      }
    }
    return ExitCode(code)
  }
}
