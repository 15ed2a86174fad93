public import LumenCore

/// A zlib call that failed, named with its status.
public struct DeflateError: LumenError, Hashable {
  /// The zlib function.
  public var function: String
  /// Its return code (`Z_STREAM_ERROR` -2, `Z_MEM_ERROR` -4, `Z_BUF_ERROR` -5 …).
  public var code: Int32

  public var category: ErrorCategory { code == -4 ? .limitExceeded : .internal }
  public var description: String { "compressing failed: \(function) returned \(code)" }
  public var technicalDetail: String? { "\(function) returned \(code)" }
}
