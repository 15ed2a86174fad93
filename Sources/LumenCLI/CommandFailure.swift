import ArgumentParser
import Foundation
import LumenCore

/// Reports a failed operation, `error: …` on stderr (and a JSON error object on stdout with
/// `--json`), and returns the exit code that says what kind of failure it was.
enum CommandFailure {
  static func report(_ error: any Error, json: Bool) -> ExitCode {
    let code = ExitStatus.code(for: error)
    var err = StandardError()
    var message = "\(error)"
    if let failure = error as? OutputFile.Failure, failure.kind == .exists {
      message += "; add --overwrite (-y) to replace it"
    }
    err.write("error: \(message)\n")
    if json {
      let body: [String: Any] = ["error": message, "exitCode": Int(code)]
      if let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) {
        print(String(decoding: data, as: UTF8.self))
      }
    }
    return ExitCode(code)
  }
}
