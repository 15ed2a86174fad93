/// A GIF frame's delay as written and as browsers play it.
///
/// Firefox (`image/FrameTimeout.h`), Chrome and WebKit all play a delay of 0 or 1 centisecond,
/// or a frame without a graphic control extension, as 10 cs. Delays of 2 cs and more play as
/// written.
public struct FrameTiming: Sendable, Hashable {
  /// The delay stored in the file, in centiseconds (`nil` when the frame has no GCE).
  public var authoredCentiseconds: Int?

  public init(authoredCentiseconds: Int?) {
    self.authoredCentiseconds = authoredCentiseconds
  }

  /// The delay browsers play, in centiseconds.
  public var playedCentiseconds: Int {
    guard let authored = authoredCentiseconds, authored >= 2 else {
      return Self.browserMinimumCentiseconds
    }
    return authored
  }

  /// Whether browsers play this frame longer than written (a 0 or 1 cs delay).
  public var isClamped: Bool { playedCentiseconds != (authoredCentiseconds ?? -1) }

  /// The delay browsers substitute for 0 and 1 cs: 10 cs.
  public static let browserMinimumCentiseconds = 10
}
