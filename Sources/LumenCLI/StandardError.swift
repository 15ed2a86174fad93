#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes text straight to file descriptor 2 (the global `stderr` is not concurrency-safe).
public struct StandardError: TextOutputStream {
  /// A writer to stderr.
  public init() {}

  /// Writes `string` in full (retrying short writes).
  public mutating func write(_ string: String) {
    var text = string
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }

  /// Whether stderr is a terminal (progress bars are drawn only then).
  static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
