/// An error from libpng's simplified API, with the function and libpng's own message.
public struct PNGError: Error, Hashable, CustomStringConvertible {
  /// The raw status: the reader's `CPNG_READER_*` code, 0 for the simplified writing API's
  /// failure return, or 1000 for Lumen's own limit check.
  public var code: Int32
  /// The libpng function that failed (`png_read_image`, `png_image_write_to_file`, …) or a
  /// Lumen check (`"limits"`).
  public var function: String
  /// libpng's message or Lumen's.
  public var message: String

  public init(code: Int32 = 0, function: String, message: String) {
    self.code = code
    self.function = function
    self.message = message
  }

  /// The status of a refused size (Lumen's own check).
  public static let limitExceededCode: Int32 = 1000

  public var description: String {
    code == Self.limitExceededCode ? message : "\(function) failed: \(message)"
  }
}
