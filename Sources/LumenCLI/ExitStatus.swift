import ArgumentParser
import Conversion
import FFmpegIO
import GIFCodec
import Imaging
import JPEGCodec
import LumenCore
import MapRendering
import PNGCodec

/// Maps a failure to a sysexits-style exit code.
enum ExitStatus {
  static func code(for error: any Error) -> Int32 {
    switch error {
    case let error as ConversionError:
      switch error {
      case .invalidOption, .unsupportedContainer, .unsupportedOutput: 64  // EX_USAGE
      case .noFramesDecoded, .wrongInputKind: 65  // EX_DATAERR
      case .inputNotReadable: 66  // EX_NOINPUT
      }
    case let error as ImagingError:
      switch error {
      case .invalidOption: 64
      case .unreadable: 66
      case .limitExceeded, .noPixels, .notAnImage: 65
      }
    case let error as MapError:
      switch error {
      case .invalidOption: 64
      case .unreadableInput: 66
      case .emptyInput, .noCoordinateColumns, .noValidPoints, .limitExceeded: 65
      case .renderingFailed: 70  // EX_SOFTWARE
      case .outputFailed: 73
      }
    case let error as GIFError:
      error.code == .openFailed ? 66 : 65
    case let error as PNGError:
      error.code == 1 ? 66 : 65  // CPNG_READER_OPEN_FAILED
    case let error as JPEGError:
      error.function == "FileManager.contents" ? 66 : 65
    case let error as FFmpegError:
      // Files FFmpeg cannot read are data errors; anything else is an encoder failure.
      error.code == FFmpegError.invalidData || error.function.hasPrefix("avformat_") ? 65 : 70
    case let error as OutputFile.Failure: error.kind == .isInput ? 64 : 73  // EX_CANTCREAT
    case is CancellationError: 130
    default: 1
    }
  }
}
