/// Size limits checked from a file's header before anything is allocated.
///
/// The defaults are far beyond any normal image or animation, and low enough that a
/// decompression bomb (a few bytes claiming billions of pixels) is refused with a clear error.
public struct DecodeLimits: Sendable, Hashable, Codable {
  /// The largest accepted width, in pixels.
  public var maxWidth: Int
  /// The largest accepted height, in pixels.
  public var maxHeight: Int
  /// The largest accepted width × height of one frame.
  public var maxPixelsPerFrame: Int
  /// The largest accepted number of frames.
  public var maxFrames: Int
  /// The largest accepted sum of width × height over all frames.
  public var maxTotalPixels: Int

  public init(
    maxWidth: Int = 16_384, maxHeight: Int = 16_384, maxPixelsPerFrame: Int = 80_000_000,
    maxFrames: Int = 100_000, maxTotalPixels: Int = 8_000_000_000
  ) {
    self.maxWidth = maxWidth
    self.maxHeight = maxHeight
    self.maxPixelsPerFrame = maxPixelsPerFrame
    self.maxFrames = maxFrames
    self.maxTotalPixels = maxTotalPixels
  }

  /// The default limits.
  public static let `default` = DecodeLimits()

  /// Checks one frame's size; returns a description of the first limit it breaks.
  public func violation(width: Int, height: Int) -> String? {
    if width > maxWidth { return "width \(width) exceeds the limit of \(maxWidth) pixels" }
    if height > maxHeight { return "height \(height) exceeds the limit of \(maxHeight) pixels" }
    if width * height > maxPixelsPerFrame {
      return "\(width)×\(height) = \(width * height) pixels exceeds the limit of "
        + "\(maxPixelsPerFrame) pixels per frame"
    }
    return nil
  }
}
