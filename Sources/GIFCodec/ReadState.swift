#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The read position shared with giflib's input callback.
struct ReadState {
  var file: UnsafeMutablePointer<FILE>
  var offset: Int
  /// The last byte giflib was given (the LZW code size, when a frame's setup fails on it).
  var lastByte: UInt8 = 0
}
