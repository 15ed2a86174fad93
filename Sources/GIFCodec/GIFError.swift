internal import CGif
public import LumenCore

/// An error from decoding a GIF: giflib's status with the function that returned it, or one of
/// Lumen's own checks (limits, no frames).
///
/// `code` keeps giflib's raw `D_GIF_ERR_*` value; Lumen's own checks use codes from 1000 up.
public struct GIFError: Error, Hashable, CustomStringConvertible {
  /// A giflib error code, or one of Lumen's own.
  public struct Code: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The file could not be opened. The corresponding C constant is `D_GIF_ERR_OPEN_FAILED`.
    public static let openFailed = Code(rawValue: Int32(D_GIF_ERR_OPEN_FAILED))
    /// The file ended early. The corresponding C constant is `D_GIF_ERR_READ_FAILED`.
    public static let readFailed = Code(rawValue: Int32(D_GIF_ERR_READ_FAILED))
    /// The signature is not `GIF87a`/`GIF89a`. The C constant is `D_GIF_ERR_NOT_GIF_FILE`.
    public static let notGIF = Code(rawValue: Int32(D_GIF_ERR_NOT_GIF_FILE))
    /// A record has an unknown type. The C constant is `D_GIF_ERR_WRONG_RECORD`.
    public static let wrongRecord = Code(rawValue: Int32(D_GIF_ERR_WRONG_RECORD))
    /// The LZW data is broken. The C constant is `D_GIF_ERR_IMAGE_DEFECT`.
    public static let imageDefect = Code(rawValue: Int32(D_GIF_ERR_IMAGE_DEFECT))
    /// The data ended inside a frame. The C constant is `D_GIF_ERR_EOF_TOO_SOON`.
    public static let endedTooSoon = Code(rawValue: Int32(D_GIF_ERR_EOF_TOO_SOON))
    /// A size from the header breaks a ``LumenCore/DecodeLimits`` limit (Lumen's own check).
    public static let limitExceeded = Code(rawValue: 1000)
    /// Not one frame could be decoded (Lumen's own check).
    public static let noFrames = Code(rawValue: 1001)
    /// The logical screen has no pixels and no frame gives it a size (Lumen's own check).
    public static let emptyScreen = Code(rawValue: 1002)
    /// A frame's LZW minimum code size is above the GIF standard's 8, which giflib refuses
    /// with `D_GIF_ERR_READ_FAILED` (Lumen's reading of that refusal).
    public static let codeSizeBeyondStandard = Code(rawValue: 1003)
  }

  /// What went wrong.
  public var code: Code
  /// The giflib function that failed, or the Lumen check (`"limits"`).
  public var function: String
  /// A human-readable explanation.
  public var message: String
  /// The zero-based frame the error happened in, when known.
  public var frameIndex: Int?
  /// How many bytes of the file had been read when the error happened.
  public var byteOffset: Int?

  public init(
    code: Code, function: String, message: String, frameIndex: Int? = nil, byteOffset: Int? = nil
  ) {
    self.code = code
    self.function = function
    self.message = message
    self.frameIndex = frameIndex
    self.byteOffset = byteOffset
  }

  /// Builds the error for a giflib status code, with giflib's own message.
  init(giflibCode: Int32, function: String, frameIndex: Int?, byteOffset: Int?) {
    let text = GifErrorString(giflibCode).map { String(cString: $0) } ?? "unknown giflib error"
    self.init(
      code: Code(rawValue: giflibCode), function: function, message: text,
      frameIndex: frameIndex, byteOffset: byteOffset)
  }

  /// In plain words: what is wrong with the file and where; giflib's own message and code are
  /// in ``technicalDetail``.
  public var description: String {
    var text: String
    switch code {
    case _ where isEncoderError: text = "the GIF could not be written (\(message))"
    case .limitExceeded, .noFrames, .emptyScreen, .codeSizeBeyondStandard: text = message
    case .openFailed: text = "the file cannot be opened"
    case .notGIF: text = "this is not a GIF file (its first bytes are not GIF87a or GIF89a)"
    case .readFailed, .endedTooSoon: text = "the file is damaged or cut short"
    case .imageDefect: text = "the picture data is damaged"
    case .wrongRecord: text = "the file is damaged (an unknown block)"
    default: text = "the file is damaged or cut short"
    }
    if let frameIndex { text += " in frame \(frameIndex + 1)" }
    if let byteOffset { text += " near byte \(byteOffset)" }
    return text
  }
}

extension GIFError: LumenError {
  /// giflib's encoder codes (`E_GIF_ERR_*`) are below 100, its decoder's from 101.
  var isEncoderError: Bool { code.rawValue > 0 && code.rawValue < 100 }

  public var category: ErrorCategory {
    switch code {
    case .openFailed: .inputNotReadable
    case .limitExceeded: .limitExceeded
    case _ where isEncoderError: .outputNotWritable
    default: .badInput
    }
  }

  public var technicalDetail: String? {
    if code == .codeSizeBeyondStandard {
      return "\(function) returned \(D_GIF_ERR_READ_FAILED) (D_GIF_ERR_READ_FAILED)"
    }
    return code.rawValue < 1000 ? "\(function) returned \(code.rawValue): \(message)" : nil
  }
}
