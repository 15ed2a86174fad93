import FFmpegIO
import Logging

/// The CLI's logger (stderr, through swift-log); `--verbose` lowers its level to `debug`.
public enum Log {
  static func logger(verbose: Bool) -> Logger {
    _ = standardErrorHandler
    var logger = Logger(label: "lumen")
    logger.logLevel = verbose ? .debug : .warning
    if verbose { FFmpegLog.setLevel(.info) }
    return logger
  }

  /// Keeps FFmpeg's own log quiet (Lumen says what went wrong in its own words; `--verbose`
  /// shows FFmpeg's messages) and sends swift-log output to stderr; call once, from
  /// the executable. With `lazily`, swift-log is set up when the CLI makes its first logger
  /// (about 0.1 ms a start that `lumen --version` and the commands that never log do not
  /// pay); a program whose libraries make their own loggers bootstraps at once.
  public static func bootstrap(lazily: Bool = false) {
    FFmpegLog.setLevel(.quiet)
    if !lazily { _ = standardErrorHandler }
  }

  /// swift-log's handler, installed once on first use.
  private static let standardErrorHandler: Void = {
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
  }()
}
