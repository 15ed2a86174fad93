internal import CFFmpeg
public import LumenCore

/// A negative status returned by an FFmpeg function, with the function's name.
///
/// `code` keeps FFmpeg's raw `AVERROR` value so callers can compare it with the well-known
/// statics.
public struct FFmpegError: Error, Hashable, CustomStringConvertible {
  /// FFmpeg's raw (negative) error code.
  public var code: Int32
  /// The FFmpeg function that returned it, or a Lumen check.
  public var function: String
  /// A human-readable explanation (FFmpeg's `av_strerror` text, or Lumen's).
  public var message: String

  public init(code: Int32, function: String, message: String? = nil) {
    self.code = code
    self.function = function
    self.message = message ?? Self.text(for: code)
  }

  /// The end of the stream. The corresponding C constant is `AVERROR_EOF`.
  public static var endOfFile: Int32 { CFFMPEG_AVERROR_EOF }
  /// More input is needed first. The corresponding C constant is `AVERROR(EAGAIN)`.
  public static var tryAgain: Int32 { CFFMPEG_AVERROR_EAGAIN }
  /// The encoder is not built into this FFmpeg. The C constant is `AVERROR_ENCODER_NOT_FOUND`.
  public static var encoderNotFound: Int32 { CFFMPEG_AVERROR_ENCODER_NOT_FOUND }
  /// The data is damaged. The corresponding C constant is `AVERROR_INVALIDDATA`.
  public static var invalidData: Int32 { CFFMPEG_AVERROR_INVALIDDATA }

  /// FFmpeg's text for an error code. The corresponding C function is `av_strerror`.
  static func text(for code: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: Int(AV_ERROR_MAX_STRING_SIZE))
    _ = cffmpeg_strerror(code, &buffer, buffer.count)
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  /// In plain words: reading a file that FFmpeg cannot decode, a missing FFmpeg, or a failed
  /// encoder; the function and code are in ``technicalDetail``.
  public var description: String {
    switch function {
    case "dlopen", "dlsym", "VideoWriter", "avcodec_find_encoder_by_name": message
    case "avformat_open_input", "avformat_find_stream_info", "av_find_best_stream", "av_read_frame",
      "avcodec_send_packet", "avcodec_receive_frame", "avcodec_parameters_to_context":
      code == FFmpegError.invalidData
        ? "the file is damaged or not in a format Lumen reads"
        : "the file cannot be read (\(message.prefix(1).lowercased() + message.dropFirst()))"
    default: "the video encoder failed (\(message.prefix(1).lowercased() + message.dropFirst()))"
    }
  }
}

extension FFmpegError: LumenError {
  /// Files FFmpeg cannot read are bad input; anything else is an encoder failure.
  public var category: ErrorCategory {
    code == FFmpegError.invalidData || function.hasPrefix("avformat_") ? .badInput : .internal
  }

  public var technicalDetail: String? { "\(function) returned \(code): \(message)" }
}

/// Throws ``FFmpegError`` when an FFmpeg status is negative; returns it otherwise.
@discardableResult
func check(_ status: Int32, _ function: String) throws(FFmpegError) -> Int32 {
  guard status >= 0 else { throw FFmpegError(code: status, function: function) }
  return status
}

/// Throws when an FFmpeg allocation returned `nil`.
func checkAllocation<T>(_ pointer: T?, _ function: String) throws(FFmpegError) -> T {
  guard let pointer else {
    throw FFmpegError(code: cffmpeg_averror(ENOMEM), function: function)
  }
  return pointer
}
