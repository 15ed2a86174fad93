internal import CGif
import Glibc

/// The owner of a giflib encoder handle writing into a file Lumen opens itself (`EGifOpen`
/// with an output function): ``finish()`` writes the trailer, flushes and closes; `deinit`
/// only frees — the bytes of an abandoned file are dropped, not written.
struct GIFEncoderFile: ~Copyable {
  private(set) var handle: UnsafeMutablePointer<GifFileType>?
  private let sink: GIFOutputSink
  let path: String

  init(path: String) throws(GIFError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw GIFError(
        code: .init(rawValue: Int32(E_GIF_ERR_OPEN_FAILED)), function: "open",
        message: String(cString: strerror(errno)))
    }
    let sink = GIFOutputSink(fd: fd)
    var status: Int32 = 0
    let opaque = Unmanaged.passUnretained(sink).toOpaque()
    guard let handle = EGifOpen(opaque, GIFOutputSink.write, &status) else {
      throw GIFError(giflibCode: status, function: "EGifOpen", frameIndex: nil, byteOffset: nil)
    }
    EGifSetGifVersion(handle, true)
    self.handle = handle
    self.sink = sink
    self.path = path
  }

  /// Converts a giflib status into a thrown ``GIFError`` naming the function.
  func check(_ status: Int32, _ function: String, frame: Int? = nil) throws(GIFError) {
    guard status == GIF_OK else {
      if let failure = sink.failure {
        throw GIFError(
          code: .init(rawValue: Int32(E_GIF_ERR_WRITE_FAILED)), function: "write",
          message: failure, frameIndex: frame)
      }
      throw GIFError(
        giflibCode: handle?.pointee.Error ?? 0, function: function, frameIndex: frame,
        byteOffset: nil)
    }
  }

  /// Writes bytes of Lumen's own between giflib's (an image block with a code size giflib
  /// would not choose).
  func writeRaw(_ bytes: [UInt8], frame: Int) throws(GIFError) {
    let written = bytes.withUnsafeBufferPointer { sink.append($0) }
    guard written else {
      throw GIFError(
        code: .init(rawValue: Int32(E_GIF_ERR_WRITE_FAILED)), function: "write",
        message: sink.failure ?? "write failed", frameIndex: frame)
    }
  }

  /// Writes the trailer, flushes and closes the file.
  mutating func finish() throws(GIFError) {
    guard let handle else { return }
    self.handle = nil
    var status: Int32 = 0
    let closed = EGifCloseFile(handle, &status)
    sink.flush()
    if let failure = sink.failure {
      throw GIFError(
        code: .init(rawValue: Int32(E_GIF_ERR_WRITE_FAILED)), function: "write", message: failure)
    }
    guard closed == GIF_OK else {
      throw GIFError(
        giflibCode: status, function: "EGifCloseFile", frameIndex: nil, byteOffset: nil)
    }
  }

  deinit {
    if let handle {
      // Frees the handle; the trailer it writes goes nowhere (the sink is abandoned).
      sink.abandon()
      var status: Int32 = 0
      EGifCloseFile(handle, &status)
    }
  }
}
