/// What kind of failure a ``LumenError`` is: the one thing the command line and the tools
/// need to know to answer it (an exit code, a hint for a model).
public enum ErrorCategory: String, Sendable, Hashable, Codable, CaseIterable {
  /// An option is out of range or contradicts another (exit 64, `EX_USAGE`).
  case invalidOption = "invalid_option"
  /// A format, codec or combination Lumen does not write or read (exit 64, `EX_USAGE`).
  case unsupported
  /// The input cannot be opened or read at all (exit 66, `EX_NOINPUT`).
  case inputNotReadable = "input_not_readable"
  /// The input is read but is damaged, empty or of the wrong kind (exit 65, `EX_DATAERR`).
  case badInput = "bad_input"
  /// The input is larger or costlier than the limits allow (exit 65, `EX_DATAERR`).
  case limitExceeded = "limit_exceeded"
  /// The output cannot be created: exists, is the input, folder missing (exit 73,
  /// `EX_CANTCREAT`; an output that is the input is a usage error, exit 64).
  case outputNotWritable = "output_not_writable"
  /// A library failed where it should not (an encoder, drawing) (exit 70, `EX_SOFTWARE`).
  case `internal`

  /// The sysexits-style exit code for a command that failed this way.
  public var exitCode: Int32 {
    switch self {
    case .invalidOption, .unsupported: 64
    case .badInput, .limitExceeded: 65
    case .inputNotReadable: 66
    case .internal: 70
    case .outputNotWritable: 73
    }
  }

  /// The category in words, as a tool error starts ("limit exceeded: …").
  public var phrase: String {
    switch self {
    case .invalidOption: "invalid option"
    case .unsupported: "unsupported"
    case .inputNotReadable: "input not readable"
    case .badInput: "bad input"
    case .limitExceeded: "limit exceeded"
    case .outputNotWritable: "output not writable"
    case .internal: "internal error"
    }
  }
}
