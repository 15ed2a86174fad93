internal import CFFmpeg

/// The owner of one `AVFrame`.
struct Frame: ~Copyable {
  let raw: UnsafeMutablePointer<AVFrame>

  init() throws(FFmpegError) {
    raw = try checkAllocation(av_frame_alloc(), "av_frame_alloc")
  }

  /// Allocates pixel buffers for a picture of the given format and size.
  init(format: AVPixelFormat, width: Int, height: Int) throws(FFmpegError) {
    let frame = try Frame()
    frame.raw.pointee.format = format.rawValue
    frame.raw.pointee.width = Int32(width)
    frame.raw.pointee.height = Int32(height)
    try check(av_frame_get_buffer(frame.raw, 0), "av_frame_get_buffer")
    self = frame
  }

  deinit {
    var pointer: UnsafeMutablePointer<AVFrame>? = raw
    av_frame_free(&pointer)
  }
}
