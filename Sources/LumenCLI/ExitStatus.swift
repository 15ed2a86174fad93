import LumenCore

/// The sysexits-style exit code for a failure: its ``LumenCore/ErrorCategory``'s, 130 for an
/// interruption, 1 for anything unforeseen.
enum ExitStatus {
  static func code(for error: any Error) -> Int32 {
    switch error {
    case let error as any LumenError: error.category.exitCode
    case is CancellationError: 130
    default: 1
    }
  }
}
