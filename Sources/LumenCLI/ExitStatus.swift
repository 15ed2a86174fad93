import ArgumentParser
import Conversion
import FFmpegIO
import GIFCodec

/// Maps a failure to a sysexits-style exit code and a one-line message.
enum ExitStatus {
  static func code(for error: any Error) -> Int32 {
    switch error {
    case let error as ConversionError:
      switch error {
      case .invalidOption, .unsupportedContainer: 64  // EX_USAGE
      case .noFramesDecoded: 65  // EX_DATAERR
      case .inputNotReadable: 66  // EX_NOINPUT
      case .outputNotWritable: 73  // EX_CANTCREAT
      }
    case let error as GIFError:
      error.code == .openFailed ? 66 : 65
    case is FFmpegError: 70  // EX_SOFTWARE
    case is CancellationError: 130
    default: 1
    }
  }
}
