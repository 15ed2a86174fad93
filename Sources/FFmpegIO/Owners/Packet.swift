internal import CFFmpeg

/// The owner of one `AVPacket`.
struct Packet: ~Copyable {
  let raw: UnsafeMutablePointer<AVPacket>

  init() throws(FFmpegError) {
    raw = try checkAllocation(av_packet_alloc(), "av_packet_alloc")
  }

  deinit {
    var pointer: UnsafeMutablePointer<AVPacket>? = raw
    av_packet_free(&pointer)
  }
}
