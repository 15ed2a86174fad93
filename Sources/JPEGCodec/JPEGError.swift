public import LumenCore

/// An error from libjpeg-turbo's TurboJPEG API, with the function and its message.
public struct JPEGError: Error, Hashable, CustomStringConvertible {
  /// The TurboJPEG function that failed (`tjDecompressHeader3`, …) or a Lumen check.
  public var function: String
  /// TurboJPEG's message (`tjGetErrorStr2`) or Lumen's.
  public var message: String
  /// Whether the limits check refused the image.
  public var isLimit: Bool

  public init(function: String, message: String, isLimit: Bool = false) {
    self.function = function
    self.message = message
    self.isLimit = isLimit
  }

  /// In plain words; the libjpeg-turbo function and message are in ``technicalDetail``.
  public var description: String {
    if isLimit { return message }
    switch function {
    case "FileManager.contents": return "the file cannot be read"
    case "tjDecompressHeader3": return "the file is not a readable JPEG (damaged or cut short in its header)"
    case "tjDecompress2" where message.hasPrefix("the file"): return message.components(separatedBy: " (").first ?? message
    default: return "the JPEG picture data is damaged"
    }
  }
}

extension JPEGError: TechnicalDetail {
  public var technicalDetail: String? { isLimit ? nil : "\(function): \(message)" }
}
