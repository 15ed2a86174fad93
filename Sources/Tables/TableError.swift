public import LumenCore

/// Why a table cannot be read, or a column of it used. Each case carries the sentence a user
/// reads: the file, what is wrong and what to do.
public enum TableError: LumenError, Hashable {
  /// The file cannot be opened or read.
  case unreadable(String)
  /// The bytes are not a table Lumen reads (binary, broken JSON, broken workbook).
  case malformed(String)
  /// No header, or a header and no rows.
  case empty(String)
  /// A column asked for is not in the table.
  case unknownColumn(String)
  /// A value cannot be used as the column is needed (a word where a number must be).
  case wrongValue(String)
  /// The file or one of its parts is larger than the limits allow.
  case limitExceeded(String)
  /// A sheet, encoding or construct Lumen does not read.
  case unsupported(String)
  /// The task reading it was cancelled (a tool call's timeout, Ctrl-C).
  case cancelled

  public var category: ErrorCategory {
    switch self {
    case .unreadable: .inputNotReadable
    case .malformed, .empty, .wrongValue: .badInput
    case .unknownColumn: .invalidOption
    case .limitExceeded: .limitExceeded
    case .unsupported: .unsupported
    case .cancelled: .internal
    }
  }

  public var description: String {
    switch self {
    case .unreadable(let m), .malformed(let m), .empty(let m), .unknownColumn(let m),
      .wrongValue(let m), .limitExceeded(let m), .unsupported(let m):
      m
    case .cancelled: "reading the table was cancelled"
    }
  }
}
