public import LumenCore

/// One decoded picture with its presentation time.
public struct DecodedFrame: Sendable {
  /// The picture, converted to RGBA.
  public var image: RGBAImage
  /// When it is shown, in seconds (the stream's best-effort timestamp).
  public var presentationSeconds: Double
  /// How long it is shown, in seconds, when the container says.
  public var durationSeconds: Double?
}
