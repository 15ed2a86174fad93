internal import CGif
public import LumenCore

extension GIFDecoder {
  /// Counts the image descriptors of a GIF without decoding pixels (LZW data is skipped).
  ///
  /// The walk stops at the first structural damage, so a damaged file reports the frames up to
  /// it. It is fast enough to run before a conversion to size a progress bar.
  ///
  /// - Parameter limits: When given, the scan stops as soon as the frames found, or the frames
  ///   times the screen's pixels (the canvases a conversion produces), pass the limits, and
  ///   throws: a 100,001-frame file is refused after 100,001 descriptors, not after decoding.
  /// - Returns: The number of frames found.
  /// - Throws: ``GIFError`` when the file cannot be opened or is not a GIF, or a limit is passed.
  public static func countFrames(path: String, limits: DecodeLimits? = nil) throws(GIFError) -> Int {
    let file = try GIFFile(path: path)
    let screenPixels = max(1, Int(file.handle.pointee.SWidth) * Int(file.handle.pointee.SHeight))
    var count = 0
    while true {
      if let limits {
        if count > limits.maxFrames {
          throw GIFError(
            code: .limitExceeded, function: "limits", message: "more than \(limits.maxFrames) frames",
            frameIndex: count - 1)
        }
        if count * screenPixels > limits.maxTotalPixels {
          throw GIFError(
            code: .limitExceeded, function: "limits",
            message: "\(count) frames × \(screenPixels) screen pixels is more than \(limits.maxTotalPixels) "
              + "composited pixels in all", frameIndex: count - 1)
        }
      }
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
