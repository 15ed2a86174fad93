public import LumenCore

/// Why a map cannot be made. Each case carries a message that names the problem.
public enum MapError: LumenError, Hashable {
  /// The input cannot be read.
  case unreadableInput(String)
  /// The file has no data rows.
  case emptyInput(String)
  /// The file is not a table (binary data, broken JSON or workbook).
  case badTable(String)
  /// No latitude/longitude columns were found.
  case noCoordinateColumns(String)
  /// Every row was skipped.
  case noValidPoints(String)
  /// More points or bytes than the limits allow.
  case limitExceeded(String)
  /// An option is out of range.
  case invalidOption(String)
  /// Drawing or encoding failed.
  case renderingFailed(String)
  /// The output cannot be written.
  case outputFailed(String)

  public var category: ErrorCategory {
    switch self {
    case .invalidOption: .invalidOption
    case .unreadableInput: .inputNotReadable
    case .emptyInput, .badTable, .noCoordinateColumns, .noValidPoints: .badInput
    case .limitExceeded: .limitExceeded
    case .renderingFailed: .internal
    case .outputFailed: .outputNotWritable
    }
  }

  public var description: String {
    switch self {
    case .unreadableInput(let m), .emptyInput(let m), .badTable(let m), .noCoordinateColumns(let m),
      .noValidPoints(let m), .limitExceeded(let m), .invalidOption(let m), .renderingFailed(let m),
      .outputFailed(let m):
      m
    }
  }
}
