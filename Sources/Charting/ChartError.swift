public import LumenCore

/// Why a chart cannot be made; each case carries the sentence the user reads.
public enum ChartError: LumenError, Hashable {
  /// An option is out of range or does not fit the chart kind.
  case invalidOption(String)
  /// The data does not suit the chart (no numbers where they are needed, nothing left).
  case unsuitableData(String)
  /// More distinct values than the chart can show.
  case limitExceeded(String)
  /// The output cannot be written.
  case outputFailed(String)
  /// Drawing failed.
  case renderingFailed(String)

  public var category: ErrorCategory {
    switch self {
    case .invalidOption: .invalidOption
    case .unsuitableData: .badInput
    case .limitExceeded: .limitExceeded
    case .outputFailed: .outputNotWritable
    case .renderingFailed: .internal
    }
  }

  public var description: String {
    switch self {
    case .invalidOption(let m), .unsuitableData(let m), .limitExceeded(let m), .outputFailed(let m),
      .renderingFailed(let m):
      m
    }
  }
}
