public import LumenCore

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

  /// In plain words; libpng's function and message are in ``technicalDetail``.
  public var description: String {
    switch (code, function) {
    case (Self.limitExceededCode, _): message
    case (_, "cpng_write_bgrx"), (_, "cpng_write_bgrx_flat"):
      "the PNG could not be written (\(message))"
    case (1, _): "the file cannot be opened"  // CPNG_READER_OPEN_FAILED
    case (_, "png_read_info"): "the file is not a readable PNG (damaged or cut short in its header)"
    case (_, "png_read_image"): "the picture data is damaged or cut short"
    default: "the PNG could not be written (\(message))"
    }
  }
}

extension PNGError: LumenError {
  public var category: ErrorCategory {
    switch (code, function) {
    case (Self.limitExceededCode, _): .limitExceeded
    case (_, "cpng_write_bgrx"), (_, "cpng_write_bgrx_flat"): .outputNotWritable
    case (1, _): .inputNotReadable  // CPNG_READER_OPEN_FAILED
    case (_, "png_read_info"), (_, "png_read_image"): .badInput
    default: .outputNotWritable
    }
  }

  public var technicalDetail: String? {
    code == Self.limitExceededCode ? nil : "\(function) returned \(code): \(message)"
  }
}
