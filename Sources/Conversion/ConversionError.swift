/// Why a conversion could not produce an output (errors from the codecs pass through as
/// ``GIFCodec/GIFError`` and ``FFmpegIO/FFmpegError``).
public enum ConversionError: Error, Hashable, CustomStringConvertible {
  /// An option is out of range or contradicts another.
  case invalidOption(String)
  /// The codec cannot be stored in the requested container.
  case unsupportedContainer(codec: String, container: String)
  /// Not one frame could be decoded; the text says why.
  case noFramesDecoded(String)
  /// The input file cannot be read.
  case inputNotReadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidOption(let text): text
    case .unsupportedContainer(let codec, let container):
      "\(codec) cannot be written to \(container); use --codec vp9 or av1 for .webm"
    case .noFramesDecoded(let why): "no frame could be decoded: \(why)"
    case .inputNotReadable(let path, let reason): "cannot read \(path): \(reason)"
    }
  }
}
