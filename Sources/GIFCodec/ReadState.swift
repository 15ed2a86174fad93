#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The read position shared with giflib's input callback.
struct ReadState {
  var file: UnsafeMutablePointer<FILE>
  var offset: Int
}
