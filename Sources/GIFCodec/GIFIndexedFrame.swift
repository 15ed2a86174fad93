public import LumenCore

/// One frame for ``GIFIndexedWriter``: a rectangle of colour indices shown for a delay.
public struct GIFIndexedFrame: Sendable {
  /// Where on the screen the frame is drawn.
  public var rect: PixelRect
  /// One index per pixel of `rect`, row by row.
  public var indices: [UInt8]
  /// How long the frame is shown, in centiseconds.
  public var delayCentiseconds: Int
  /// The index that leaves the pixel below unchanged, if the frame has one.
  public var transparentIndex: UInt8?
  /// The frame's own colour table (1…256 colours); `nil` uses the global table.
  public var localColors: [RGBColor]?
  /// Lossy LZW matching, 0 (exact) … 200; see ``GIFLossyMatching``.
  public var lossy: Int

  public init(
    rect: PixelRect, indices: [UInt8], delayCentiseconds: Int, transparentIndex: UInt8? = nil,
    localColors: [RGBColor]? = nil, lossy: Int = 0
  ) {
    self.rect = rect
    self.indices = indices
    self.delayCentiseconds = delayCentiseconds
    self.transparentIndex = transparentIndex
    self.localColors = localColors
    self.lossy = lossy
  }
}
