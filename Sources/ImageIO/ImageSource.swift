internal import FFmpegIO
internal import GIFCodec
internal import JPEGCodec
public import LumenCore
internal import PNGCodec

/// Reads any supported image as RGBA: PNG through libpng, GIF through giflib (composited
/// frames), JPEG through libjpeg-turbo (at reduced size when a pixel target is given),
/// everything else through FFmpeg.
public enum ImageSource {
  /// What was read.
  public struct Info: Sendable, Hashable, Codable {
    public var format: String
    public var width: Int
    public var height: Int
    /// The size the pixels were decoded at (smaller for reduced JPEG decoding).
    public var decodedWidth: Int
    public var decodedHeight: Int
    public var frames: Int
    /// Damage found while reading (a partly decoded file); empty when the whole file decoded.
    public var warnings: [String] = []
  }

  /// Which frames of an animation to read.
  public enum Frames: String, Sendable, Hashable, CaseIterable, Codable {
    case first, all
  }

  /// Calls `body` with each image (one, or every frame of a GIF with `.all`).
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - frames: The first frame only, or all of an animation's.
  ///   - limits: Size limits checked from the header before decoding.
  ///   - reducedDecodingTarget: A pixel count reduced JPEG decoding should approach.
  ///   - upright: Turn a JPEG as its EXIF orientation says (a phone's portrait photo is
  ///     stored landscape), as browsers show it; false hands the pixels out as stored. `width`
  ///     and `height` are the shown size either way.
  /// - Returns: What was read.
  public static func read(
    path: String, frames: Frames = .first, limits: DecodeLimits = .default,
    reducedDecodingTarget: Int? = nil, upright: Bool = true, _ body: (RGBAImage) throws -> Void
  ) throws -> Info {
    switch try ImageFormat.sniff(path: path) {
    case .png:
      let image = try PNGFile.read(path: path, limits: limits)
      try body(image)
      return Info(
        format: "png", width: image.width, height: image.height, decodedWidth: image.width,
        decodedHeight: image.height, frames: 1)
    case .gif:
      var decoder = try GIFDecoder(path: path, limits: limits)
      var count = 0
      while let frame = try decoder.nextFrame() {
        count += 1
        try body(frame.image)
        if frames == .first { break }
      }
      guard count > 0 else {
        throw decoder.damage.map { $0 as any Error } ?? ImageReadError.noPixels(path: path)
      }
      // A frame kept partly drawn, or the damage that stopped an all-frames read.
      var warnings = decoder.warnings
      if let damage = decoder.damage { warnings.append("the file is damaged: \(damage)") }
      let size = decoder.screenSize
      return Info(
        format: "gif", width: size.width, height: size.height, decodedWidth: size.width,
        decodedHeight: size.height, frames: count, warnings: warnings)
    case .jpeg:
      let decoded = try JPEGFile.read(
        path: path, limits: limits, reducedDecodingTarget: reducedDecodingTarget,
        upright: upright)
      try body(decoded.image)
      let shown = decoded.orientation.shown(decoded.storedSize)
      return Info(
        format: "jpeg", width: shown.width, height: shown.height,
        decodedWidth: decoded.image.width, decodedHeight: decoded.image.height, frames: 1,
        warnings: decoded.warnings)
    case .other:
      var reader = try MediaReader(path: path, reducedDecodingTarget: reducedDecodingTarget)
      let info = reader.info
      if let violation = limits.violation(width: info.width, height: info.height) {
        throw ImageReadError.limitExceeded(path: path, reason: violation)
      }
      guard let frame = try reader.nextFrame() else { throw ImageReadError.noPixels(path: path) }
      try body(frame.image)
      return Info(
        format: info.codecName, width: info.width, height: info.height,
        decodedWidth: frame.image.width, decodedHeight: frame.image.height, frames: 1)
    }
  }
}
