public import LumenCore

/// Why a heatmap cannot be made; each case carries the sentence the user reads.
public enum HeatmapError: LumenError, Hashable {
  /// An option is out of range or does not fit the others.
  case invalidOption(String)
  /// The data does not make a heatmap (non-numeric cells, no values left).
  case unsuitableData(String)
  /// More rows, columns or cells than a heatmap shows.
  case limitExceeded(String)
  /// The output cannot be written.
  case outputFailed(String)

  public var category: ErrorCategory {
    switch self {
    case .invalidOption: .invalidOption
    case .unsuitableData: .badInput
    case .limitExceeded: .limitExceeded
    case .outputFailed: .outputNotWritable
    }
  }

  public var description: String {
    switch self {
    case .invalidOption(let m), .unsuitableData(let m), .limitExceeded(let m), .outputFailed(let m):
      m
    }
  }
}
