internal import CGif

/// The owner of a giflib encoder handle (`EGifOpenFileName`); closing it in `deinit` flushes
/// and frees it. ``finish()`` closes it early and reports a failed flush.
struct GIFEncoderFile: ~Copyable {
  private(set) var handle: UnsafeMutablePointer<GifFileType>?
  let path: String

  init(path: String) throws(GIFError) {
    var status: Int32 = 0
    guard let handle = EGifOpenFileName(path, false, &status) else {
      throw GIFError(
        giflibCode: status, function: "EGifOpenFileName", frameIndex: nil, byteOffset: nil)
    }
    EGifSetGifVersion(handle, true)
    self.handle = handle
    self.path = path
  }

  /// Converts a giflib status into a thrown ``GIFError`` naming the function.
  func check(_ status: Int32, _ function: String, frame: Int? = nil) throws(GIFError) {
    guard status == GIF_OK else {
      throw GIFError(
        giflibCode: handle?.pointee.Error ?? 0, function: function, frameIndex: frame,
        byteOffset: nil)
    }
  }

  /// Writes the trailer, flushes and closes the file.
  mutating func finish() throws(GIFError) {
    guard let handle else { return }
    self.handle = nil
    var status: Int32 = 0
    guard EGifCloseFile(handle, &status) == GIF_OK else {
      throw GIFError(
        giflibCode: status, function: "EGifCloseFile", frameIndex: nil, byteOffset: nil)
    }
  }

  deinit {
    if let handle {
      var status: Int32 = 0
      EGifCloseFile(handle, &status)
    }
  }
}
