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
  public static func countFrames(path: String, limits: DecodeLimits? = nil) throws(GIFError) -> Int
  {
    try scan(path: path, limits: limits).frames
  }

  /// What a scan of the records tells without decoding pixels.
  public struct Scan: Sendable, Hashable {
    /// Image descriptors found (up to the first structural damage).
    public var frames: Int
    /// How long the frames play in a browser (0–1 cs delays as 10 cs), in centiseconds.
    public var playedCentiseconds: Int
  }

  /// Walks the records like ``countFrames(path:limits:)`` and adds up the frames' delays as
  /// browsers play them.
  public static func scan(path: String, limits: DecodeLimits? = nil) throws(GIFError) -> Scan {
    let file = try GIFFile(path: path)
    var count = 0
    var played = 0
    var delay: Int?
    var result: Scan { Scan(frames: count, playedCentiseconds: played) }
    let screenPixels = max(1, Int(file.handle.pointee.SWidth) * Int(file.handle.pointee.SHeight))
    while true {
      if let limits {
        if count > limits.maxFrames {
          throw GIFError(
            code: .limitExceeded, function: "limits",
            message: "more than \(limits.maxFrames) frames",
            frameIndex: count - 1)
        }
        if count * screenPixels > limits.maxTotalPixels {
          throw GIFError(
            code: .limitExceeded, function: "limits",
            message:
              "\(count) frames × \(screenPixels) screen pixels is more than \(limits.maxTotalPixels) "
              + "composited pixels in all", frameIndex: count - 1)
        }
      }
      var record = UNDEFINED_RECORD_TYPE
      guard DGifGetRecordType(file.handle, &record) == GIF_OK else { return result }
      switch record {
      case IMAGE_DESC_RECORD_TYPE:
        guard DGifGetImageDesc(file.handle) == GIF_OK else { return result }
        file.forgetSavedImages()
        count += 1
        played += FrameTiming(authoredCentiseconds: delay).playedCentiseconds
        delay = nil
        var codeSize: Int32 = 0
        var block: UnsafeMutablePointer<GifByteType>?
        guard DGifGetCode(file.handle, &codeSize, &block) == GIF_OK else { return result }
        while block != nil {
          guard DGifGetCodeNext(file.handle, &block) == GIF_OK else { return result }
        }
      case EXTENSION_RECORD_TYPE:
        var code: Int32 = 0
        var block: UnsafeMutablePointer<GifByteType>?
        guard DGifGetExtension(file.handle, &code, &block) == GIF_OK else { return result }
        if code == GRAPHICS_EXT_FUNC_CODE, let block, block[0] >= 4 {
          delay = Int(block[2]) | Int(block[3]) << 8
        }
        while block != nil {
          guard DGifGetExtensionNext(file.handle, &block) == GIF_OK else { return result }
        }
      default:
        return result
      }
    }
  }
}
