public import LumenCore

/// Why a conversion could not produce an output (errors from the codecs pass through as
/// ``GIFCodec/GIFError`` and ``FFmpegIO/FFmpegError``).
public enum ConversionError: LumenError, Hashable {
  /// An option is out of range or contradicts another.
  case invalidOption(String)
  /// The codec cannot be stored in the requested container.
  case unsupportedContainer(codec: String, container: String)
  /// Not one frame could be decoded; the text says why.
  case noFramesDecoded(String)
  /// The input file cannot be read.
  case inputNotReadable(path: String, reason: String)
  /// The input is not a GIF (told from its bytes).
  case wrongInputKind(path: String, kind: FileKind)
  /// The output's extension names a format this operation does not write.
  case unsupportedOutput(path: String, pathExtension: String)

  public var category: ErrorCategory {
    switch self {
    case .invalidOption: .invalidOption
    case .unsupportedContainer, .unsupportedOutput: .unsupported
    case .noFramesDecoded, .wrongInputKind: .badInput
    case .inputNotReadable: .inputNotReadable
    }
  }

  public var description: String {
    switch self {
    case .invalidOption(let text): text
    case .unsupportedContainer(let codec, let container):
      container == "webm"
        ? "codec \(codec) cannot be written to .webm; use codec vp9 or av1 for .webm, or an .mp4 output"
        : "codec \(codec) needs a .webm output (or use codec h264 or hevc for .mp4)"
    case .noFramesDecoded(let why): "no frame could be decoded: \(why)"
    case .inputNotReadable(let path, let reason): "cannot read \(path): \(reason)"
    case .wrongInputKind(let path, let kind):
      kind == .mp4 || kind == .webm
        ? "\(path) is \(kind.phrase), not a GIF: it is already a video"
        : "\(path) is \(kind.phrase), not a GIF; gif2video converts animated GIFs"
    case .unsupportedOutput(let path, let pathExtension):
      pathExtension.lowercased() == "gif"
        ? "\(path): gif2video writes video, not GIF; name the output .mp4 or .webm"
        : "\(path): gif2video writes .mp4 (h264, hevc) or .webm (vp9, av1), not "
          + (pathExtension.isEmpty ? "a file without an extension" : ".\(pathExtension)")
    }
  }
}
