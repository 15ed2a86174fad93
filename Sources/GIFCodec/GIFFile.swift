internal import CGif

#if canImport(Glibc)
  import Glibc
#endif

/// The owner of a giflib decoder handle reading through an ``InputFile``.
///
/// Frames are read one record at a time (`DGifGetRecordType`, `DGifGetImageDesc`,
/// `DGifGetLine`), never slurped.
struct GIFFile: ~Copyable {
  let handle: UnsafeMutablePointer<GifFileType>
  let input: InputFile

  init(path: String) throws(GIFError) {
    let input = try InputFile(path: path)
    var status: Int32 = 0
    let opened = DGifOpen(
      UnsafeMutableRawPointer(input.state),
      { gif, buffer, count in
        guard let gif, let buffer, count > 0 else { return 0 }
        let state = gif.pointee.UserData.assumingMemoryBound(to: ReadState.self)
        let read = fread(buffer, 1, Int(count), state.pointee.file)
        state.pointee.offset += read
        return Int32(read)
      }, &status)
    guard let opened else {
      throw GIFError(
        giflibCode: status, function: "DGifOpen", frameIndex: nil, byteOffset: input.offset)
    }
    self.handle = opened
    self.input = input
  }

  /// Converts a giflib status into a thrown ``GIFError`` naming the function.
  func check(_ status: Int32, _ function: String, frame: Int?) throws(GIFError) {
    guard status == GIF_OK else {
      throw GIFError(
        giflibCode: handle.pointee.Error, function: function, frameIndex: frame,
        byteOffset: input.offset)
    }
  }

  /// Drops giflib's per-frame bookkeeping (`SavedImages`) so memory does not grow with the
  /// number of frames. `GifFreeSavedImages` leaves `ImageCount` stale, so it is reset here.
  func forgetSavedImages() {
    GifFreeSavedImages(handle)
    handle.pointee.ImageCount = 0
  }

  deinit {
    var status: Int32 = 0
    DGifCloseFile(handle, &status)
  }
}
