public import LumenCore

/// Why an analysis cannot be made; each case carries the sentence the user reads.
public enum AnalysisError: LumenError, Hashable {
  /// An option is out of range or does not fit the others.
  case invalidOption(String)
  /// Partial states that do not belong together, or a file that is not one.
  case mergeMismatch(String)
  /// The output folder cannot be used or written.
  case outputFailed(String)

  public var category: ErrorCategory {
    switch self {
    case .invalidOption: .invalidOption
    case .mergeMismatch: .badInput
    case .outputFailed: .outputNotWritable
    }
  }

  public var description: String {
    switch self {
    case .invalidOption(let m), .mergeMismatch(let m), .outputFailed(let m): m
    }
  }
}
