internal import CFFmpeg

/// FFmpeg's global log threshold (its messages go to stderr).
public enum FFmpegLog {
  /// How much FFmpeg prints.
  public enum Level: Sendable {
    case quiet, error, warning, info, debug

    var raw: Int32 {
      switch self {
      case .quiet: AV_LOG_QUIET
      case .error: AV_LOG_ERROR
      case .warning: AV_LOG_WARNING
      case .info: AV_LOG_INFO
      case .debug: AV_LOG_DEBUG
      }
    }
  }

  /// Sets the threshold, now or when FFmpeg is first loaded. The corresponding C function is
  /// `av_log_set_level`.
  public static func setLevel(_ level: Level) {
    FFmpegLibrary.setLogLevel(level.raw)
  }
}
