internal import CGif
import Glibc

/// Where giflib's encoder writes (its `OutputFunc`): a buffer flushed to a file descriptor
/// this sink owns and closes when freed. After a failed write or ``abandon()`` it drops
/// bytes; the first failure is kept for the error.
final class GIFOutputSink {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var isAbandoned = false
  /// The first write failure (`strerror`), if any.
  private(set) var failure: String?

  private static let flushThreshold = 1 << 16

  init(fd: Int32) {
    self.fd = fd
    buffer.reserveCapacity(Self.flushThreshold)
  }

  /// giflib's output function: `UserData` is the sink (unretained; the encoder file keeps
  /// it alive).
  static let write: OutputFunc = { gif, bytes, count in
    guard let gif, let user = gif.pointee.UserData, let bytes, count >= 0 else { return 0 }
    let sink = Unmanaged<GIFOutputSink>.fromOpaque(user).takeUnretainedValue()
    return sink.append(UnsafeBufferPointer(start: bytes, count: Int(count))) ? count : 0
  }

  /// Adds bytes after what giflib wrote so far (for blocks giflib cannot express).
  func append(_ bytes: UnsafeBufferPointer<GifByteType>) -> Bool {
    guard failure == nil else { return false }
    if isAbandoned { return true }
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.flushThreshold { flush() }
    return failure == nil
  }

  /// Writes what is buffered.
  func flush() {
    guard failure == nil, !isAbandoned else { return }
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { raw in
        Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        failure = String(cString: strerror(errno))
        return
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Drops everything from now on (an abandoned output is removed by its owner).
  func abandon() {
    isAbandoned = true
    buffer = []
  }

  deinit {
    close(fd)
  }
}
