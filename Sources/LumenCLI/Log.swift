import FFmpegIO
import Logging

/// The CLI's logger (stderr, through swift-log); `--verbose` lowers its level to `debug`.
public enum Log {
  static func logger(verbose: Bool) -> Logger {
    var logger = Logger(label: "lumen")
    logger.logLevel = verbose ? .debug : .warning
    if verbose { FFmpegLog.setLevel(.info) }
    return logger
  }

  /// Sends swift-log output to stderr and keeps FFmpeg's own log to errors; call once, from
  /// the executable.
  public static func bootstrap() {
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
    FFmpegLog.setLevel(.error)
  }
}
