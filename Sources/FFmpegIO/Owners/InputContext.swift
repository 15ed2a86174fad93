internal import CFFmpeg

/// The owner of a demuxer's `AVFormatContext`.
struct InputContext: ~Copyable {
  let raw: UnsafeMutablePointer<AVFormatContext>

  /// Opens `path` and reads its stream information.
  init(path: String) throws(FFmpegError) {
    var context: UnsafeMutablePointer<AVFormatContext>?
    try check(avformat_open_input(&context, path, nil, nil), "avformat_open_input")
    guard let opened = context else {
      throw FFmpegError(code: FFmpegError.invalidData, function: "avformat_open_input")
    }
    let status = avformat_find_stream_info(opened, nil)
    guard status >= 0 else {
      var pointer: UnsafeMutablePointer<AVFormatContext>? = opened
      avformat_close_input(&pointer)
      throw FFmpegError(code: status, function: "avformat_find_stream_info")
    }
    raw = opened
  }

  deinit {
    var pointer: UnsafeMutablePointer<AVFormatContext>? = raw
    avformat_close_input(&pointer)
  }
}
