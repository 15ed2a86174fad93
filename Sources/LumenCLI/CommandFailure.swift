import ArgumentParser
import Foundation
import LumenCore

/// Reports a failed operation, `error: …` on stderr (and a JSON error object on stdout with
/// `--json`), and returns the exit code that says what kind of failure it was.
enum CommandFailure {
  /// - Parameters:
  ///   - file: The input the command read: named first when the message does not name it.
  ///   - verbose: Also print the failing library call and code.
  static func report(_ error: any Error, json: Bool, file: String? = nil, verbose: Bool = false)
    -> ExitCode
  {
    let code = ExitStatus.code(for: error)
    var err = StandardError()
    var message = "\(error)"
    if let file, !message.contains(file), !(error is OutputFile.Failure) {
      message = "\(file): " + message
    }
    let detail = (error as? any LumenError)?.technicalDetail
    if let failure = error as? OutputFile.Failure, failure.kind == .exists {
      message += "; add --overwrite (-y) to replace it"
    }
    err.write("error: \(message)\n")
    if verbose, let detail { err.write("  (\(detail))\n") }
    if json {
      var body: [String: Any] = ["error": message, "exitCode": Int(code)]
      if let detail { body["detail"] = detail }
      if let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) {
        print(String(decoding: data, as: UTF8.self))
      }
    }
    return ExitCode(code)
  }
}
