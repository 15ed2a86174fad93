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

  public var description: String { isLimit ? message : "\(function) failed: \(message)" }
}
