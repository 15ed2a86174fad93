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
        if read > 0 { state.pointee.lastByte = buffer[read - 1] }
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

  /// `error` in words when giflib's message hides the cause: a "read failed" that stopped on
  /// an LZW code size above 8 (giflib's only check of that byte) rather than at the end of the
  /// file.
  func explained(_ error: GIFError) -> GIFError {
    guard error.code == .readFailed, !input.isAtEnd, input.lastByte > 8 else { return error }
    let frame = (error.frameIndex ?? 0) + 1
    let size = input.lastByte
    // LZW codes go up to 12 bits: 9-12 is a real (if non-standard) encoder's choice, more is
    // damage.
    let message =
      size <= 12
      ? "frame \(frame) uses an LZW code size of \(size), above the GIF standard's maximum of "
        + "8: giflib (Lumen's GIF decoder) cannot decode it; Firefox and ffmpeg read such "
        + "files, Chromium shows them blank; re-save the GIF with one of those"
      : "the file is damaged: frame \(frame) gives an LZW code size of \(size) "
        + "(a GIF allows at most 8)"
    return GIFError(
      code: .codeSizeBeyondStandard, function: error.function, message: message, frameIndex: nil,
      byteOffset: nil)
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
