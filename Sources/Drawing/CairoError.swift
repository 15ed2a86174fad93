/// A cairo status other than success, with the function that reported it.
public struct CairoError: Error, Hashable, CustomStringConvertible {
  /// cairo's raw `cairo_status_t` value.
  public var status: UInt32
  /// The cairo function that reported it.
  public var function: String
  /// cairo's text for the status (`cairo_status_to_string`).
  public var message: String

  public var description: String { "\(function) failed: \(message) (\(status))" }
}
