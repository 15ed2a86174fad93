public import LumenCore

/// What a media file's best video stream says about itself, read through libavformat.
public struct VideoInfo: Sendable, Hashable, Codable {
  /// The container's format name(s), e.g. `mov,mp4,m4a,3gp,3g2,mj2`.
  public var formatName: String
  /// The codec name, e.g. `h264`.
  public var codecName: String
  /// The codec profile name, e.g. `High`, when known.
  public var profileName: String?
  /// The coded width and height.
  public var width: Int
  public var height: Int
  /// The pixel format name, e.g. `yuv420p`.
  public var pixelFormatName: String
  /// Colour tags as FFmpeg names them (`bt709`, `unknown`) and the range (`tv`, `pc`).
  public var colorPrimaries: String
  public var colorTransfer: String
  public var colorSpace: String
  public var colorRange: String
  /// The container's duration in seconds (what players show), if known.
  public var durationSeconds: Double?
  /// The number of frames the stream header claims, if it says.
  public var frameCountFromHeader: Int?
  /// The stream's average frame rate (else its base rate), when it says.
  public var framesPerSecond: Double?
  /// When the file's first picture or sound starts, in seconds (usually 0), when it says.
  public var startSeconds: Double?
  /// The size pictures are decoded at (smaller than `width`×`height` with reduced decoding).
  public var decodedWidth: Int
  public var decodedHeight: Int
  /// How the pictures are turned to be shown (a phone's portrait clip is stored landscape);
  /// ``MediaReader`` hands them out turned.
  public var orientation: PictureOrientation = .upright

  /// The size pictures are handed out at: the decoded size, turned as shown.
  public var shownSize: Size {
    orientation.shown(Size(width: decodedWidth, height: decodedHeight))
  }
}
