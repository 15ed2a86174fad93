public import LumenCore

/// One composited frame of a GIF animation, as a browser shows it.
public struct GIFFrame: Sendable {
  /// The zero-based position of the frame in the file.
  public var index: Int
  /// The whole logical screen after this frame was drawn; pixels nothing has covered (or that a
  /// disposal cleared) are transparent.
  public var image: RGBAImage
  /// The frame's delay as written and as played.
  public var timing: FrameTiming
  /// The frame's own rectangle as stored in its image descriptor (may reach outside the screen).
  public var rect: PixelRect
  /// How this frame is disposed of before the next one.
  public var disposal: GIFDisposal
  /// The palette index drawn as transparent, if any.
  public var transparentIndex: Int?
  /// Whether the frame's rows were stored interlaced.
  public var isInterlaced: Bool
  /// Whether the frame had its own colour table.
  public var hasLocalColorTable: Bool
  /// Whether the composited screen is pixel for pixel the previous frame's (never for the
  /// first frame): such a frame only extends the previous one's display time.
  public var isIdenticalToPrevious: Bool
}
