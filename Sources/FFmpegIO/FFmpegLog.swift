internal import CFFmpeg
internal import Foundation

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
  ///
  /// Encoders that log on their own (SVT-AV1's `Svt[info]` banner) get the same threshold
  /// through their environment variable, unless the user set it.
  public static func setLevel(_ level: Level) {
    FFmpegLibrary.setLogLevel(level.raw)
    if !svtLogSetByUser {
      let svt =
        switch level {
        case .quiet, .error: "1"
        case .warning: "2"
        case .info: "3"
        case .debug: "4"
        }
      setenv("SVT_LOG", svt, 1)
    }
  }

  /// Whether `SVT_LOG` was in the environment before Lumen first set it.
  private static let svtLogSetByUser = getenv("SVT_LOG") != nil
}
