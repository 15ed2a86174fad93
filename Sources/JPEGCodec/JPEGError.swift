public import LumenCore

/// An error from libjpeg-turbo's TurboJPEG API, with the function and its message.
public struct JPEGError: Error, Hashable, CustomStringConvertible {
  /// The TurboJPEG function that failed (`tjDecompressHeader3`, …) or a Lumen check.
  public var function: String
  /// TurboJPEG's message (`tjGetErrorStr2`) or Lumen's.
  public var message: String
  /// Whether the limits check refused the image.
  public var isLimit: Bool
  /// TurboJPEG's raw error code (`tjGetErrorCode`: 0 `TJERR_WARNING`, 1 `TJERR_FATAL`), or
  /// `nil` for Lumen's own checks.
  public var code: Int32?

  public init(function: String, message: String, isLimit: Bool = false, code: Int32? = nil) {
    self.function = function
    self.message = message
    self.isLimit = isLimit
    self.code = code
  }

  /// In plain words; the libjpeg-turbo function and message are in ``technicalDetail``.
  public var description: String {
    if isLimit { return message }
    switch function {
    case "FileManager.contents": return "the file cannot be read"
    case "tjDecompressHeader3":
      return "the file is not a readable JPEG (damaged or cut short in its header)"
    case "tjDecompress2" where message.hasPrefix("the file"):
      return message.components(separatedBy: " (").first ?? message
    default: return "the JPEG picture data is damaged"
    }
  }
}

extension JPEGError: LumenError {
  public var category: ErrorCategory {
    if isLimit { return .limitExceeded }
    return function == "FileManager.contents" ? .inputNotReadable : .badInput
  }

  public var technicalDetail: String? {
    if isLimit { return nil }
    return code.map { "\(function) returned \($0): \(message)" } ?? "\(function): \(message)"
  }
}
