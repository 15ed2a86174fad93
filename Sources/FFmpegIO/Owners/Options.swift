internal import CFFmpeg

/// The owner of an `AVDictionary` of options passed to an FFmpeg open call.
struct Options: ~Copyable {
  var raw: OpaquePointer?

  init() {}

  /// Sets one option. The corresponding C function is `av_dict_set`.
  mutating func set(_ key: String, _ value: String) throws(FFmpegError) {
    try check(av_dict_set(&raw, key, value, 0), "av_dict_set")
  }

  deinit {
    var pointer = raw
    av_dict_free(&pointer)
  }
}
