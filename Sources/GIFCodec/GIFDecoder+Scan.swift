internal import CGif

extension GIFDecoder {
  /// Counts the image descriptors of a GIF without decoding pixels (LZW data is skipped).
  ///
  /// The walk stops at the first structural damage, so a damaged file reports the frames up to
  /// it. It is fast enough to run before a conversion to size a progress bar.
  ///
  /// - Returns: The number of frames found.
  /// - Throws: ``GIFError`` when the file cannot be opened or is not a GIF.
  public static func countFrames(path: String) throws(GIFError) -> Int {
    let file = try GIFFile(path: path)
    var count = 0
    while true {
      var record = UNDEFINED_RECORD_TYPE
      guard DGifGetRecordType(file.handle, &record) == GIF_OK else { return count }
      switch record {
      case IMAGE_DESC_RECORD_TYPE:
        guard DGifGetImageDesc(file.handle) == GIF_OK else { return count }
        file.forgetSavedImages()
        count += 1
        var codeSize: Int32 = 0
        var block: UnsafeMutablePointer<GifByteType>?
        guard DGifGetCode(file.handle, &codeSize, &block) == GIF_OK else { return count }
        while block != nil {
          guard DGifGetCodeNext(file.handle, &block) == GIF_OK else { return count }
        }
      case EXTENSION_RECORD_TYPE:
        var code: Int32 = 0
        var block: UnsafeMutablePointer<GifByteType>?
        guard DGifGetExtension(file.handle, &code, &block) == GIF_OK else { return count }
        while block != nil {
          guard DGifGetExtensionNext(file.handle, &block) == GIF_OK else { return count }
        }
      default:
        return count
      }
    }
  }
}
