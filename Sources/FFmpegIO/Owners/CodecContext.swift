internal import CFFmpeg

/// The owner of one `AVCodecContext` (an encoder or a decoder).
struct CodecContext: ~Copyable {
  let raw: UnsafeMutablePointer<AVCodecContext>

  init(codec: UnsafePointer<AVCodec>) throws(FFmpegError) {
    raw = try checkAllocation(avcodec_alloc_context3(codec), "avcodec_alloc_context3")
  }

  deinit {
    var pointer: UnsafeMutablePointer<AVCodecContext>? = raw
    avcodec_free_context(&pointer)
  }
}
