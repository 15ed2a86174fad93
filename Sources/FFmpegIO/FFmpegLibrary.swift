internal import CFFmpeg
internal import CFFmpegLoader
import Locking

/// FFmpeg's shared libraries, opened on first use rather than at process start.
///
/// Debian's libavcodec and libavformat pull in about 130 shared libraries (every codec, network
/// protocol and hardware API built in); loading and relocating them costs tens of milliseconds of
/// CPU, which `lumen palette` on a PNG or `lumen map -o x.gif` would pay for nothing. Every
/// public entry point of this module calls ``load()`` first, so a machine without FFmpeg gets a
/// typed error naming the missing library instead of a loader failure.
enum FFmpegLibrary {
  private struct State {
    var loaded = false
    var logLevel: Int32?
  }

  private static let state = Locked(State())

  /// Opens the libraries once and applies the log level asked for before.
  ///
  /// - Throws: ``FFmpegError`` with `function` `dlopen` or `dlsym` when a library or a
  ///   function is missing.
  static func load() throws(FFmpegError) {
    var message = [CChar](repeating: 0, count: 512)
    guard cffmpeg_load(&message, message.count) == 0 else {
      let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      throw FFmpegError(
        code: cffmpeg_averror(ENOSYS), function: text.hasPrefix("dlsym") ? "dlsym" : "dlopen",
        message: "FFmpeg is not available: \(text) (install libavformat59 and libswscale6)")
    }
    state.withLock { state in
      guard !state.loaded else { return }
      state.loaded = true
      if let level = state.logLevel { av_log_set_level(level) }
    }
  }

  /// Sets FFmpeg's log threshold now if the libraries are open, else when they are opened.
  static func setLogLevel(_ level: Int32) {
    state.withLock { state in
      state.logLevel = level
      if state.loaded { av_log_set_level(level) }
    }
  }
}
