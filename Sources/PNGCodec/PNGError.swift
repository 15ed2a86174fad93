/// An error from libpng's simplified API, with the function and libpng's own message.
public struct PNGError: Error, Hashable, CustomStringConvertible {
  /// The libpng function that failed (`png_image_begin_read_from_file`, …) or a Lumen check.
  public var function: String
  /// libpng's message (from `png_image.message`) or Lumen's.
  public var message: String

  public init(function: String, message: String) {
    self.function = function
    self.message = message
  }

  public var description: String { "\(function) failed: \(message)" }
}
