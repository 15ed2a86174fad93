public import LumenCore

/// A cairo status other than success, with the function that reported it.
public struct CairoError: LumenError, Hashable {
  /// cairo's raw `cairo_status_t` value.
  public var status: UInt32
  /// The cairo function that reported it.
  public var function: String
  /// cairo's text for the status (`cairo_status_to_string`).
  public var message: String

  public var description: String { "drawing failed: \(message)" }

  /// Drawing fails only when Lumen asks for something wrong.
  public var category: ErrorCategory { .internal }

  public var technicalDetail: String? { "\(function) returned \(status): \(message)" }
}
