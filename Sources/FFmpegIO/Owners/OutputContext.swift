internal import CFFmpeg

/// The owner of a muxer's `AVFormatContext` and the file it writes.
struct OutputContext: ~Copyable {
  let raw: UnsafeMutablePointer<AVFormatContext>

  /// Creates a muxer for `formatName` ("mp4", "webm") writing to `path`.
  init(formatName: String, path: String) throws(FFmpegError) {
    var context: UnsafeMutablePointer<AVFormatContext>?
    try check(
      avformat_alloc_output_context2(&context, nil, formatName, path),
      "avformat_alloc_output_context2")
    raw = try checkAllocation(context, "avformat_alloc_output_context2")
  }

  /// Opens the output file. The corresponding C function is `avio_open`.
  func open(path: String) throws(FFmpegError) {
    try check(avio_open(&raw.pointee.pb, path, AVIO_FLAG_WRITE), "avio_open")
  }

  deinit {
    if raw.pointee.pb != nil { avio_closep(&raw.pointee.pb) }
    avformat_free_context(raw)
  }
}

extension OutputContext {
  /// Whether the muxer wants codec headers out of band (`AVFMT_GLOBALHEADER`).
  var needsGlobalHeader: Bool {
    (raw.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER) != 0
  }
}
