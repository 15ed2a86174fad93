/// An 8-bit RGBA raster with straight (not premultiplied) alpha, rows top to bottom.
///
/// The pixel bytes are stored as R, G, B, A with no row padding, so pixel `(x, y)` starts at
/// byte `(y * width + x) * 4`.
///
/// ```swift
/// var image = RGBAImage(width: 2, height: 1, fill: .init(red: 255, green: 0, blue: 0))
/// image[1, 0] = RGBAPixel(red: 0, green: 0, blue: 255, alpha: 255)
/// ```
public struct RGBAImage: Sendable, Equatable {
  /// The width in pixels.
  public let width: Int
  /// The height in pixels.
  public let height: Int
  /// The pixel bytes, `width * height * 4` of them.
  public var bytes: [UInt8]

  /// Creates an image from existing RGBA bytes.
  ///
  /// - Precondition: `bytes.count == width * height * 4`.
  public init(width: Int, height: Int, bytes: [UInt8]) {
    precondition(width >= 0 && height >= 0 && bytes.count == width * height * 4)
    self.width = width
    self.height = height
    self.bytes = bytes
  }

  /// Creates an image filled with one colour (transparent black by default).
  public init(width: Int, height: Int, fill: RGBAPixel = .transparent) {
    precondition(width >= 0 && height >= 0)
    self.width = width
    self.height = height
    var bytes = [UInt8](repeating: 0, count: width * height * 4)
    if fill != .transparent {
      for i in stride(from: 0, to: bytes.count, by: 4) {
        bytes[i] = fill.red
        bytes[i + 1] = fill.green
        bytes[i + 2] = fill.blue
        bytes[i + 3] = fill.alpha
      }
    }
    self.bytes = bytes
  }

  /// The number of pixels.
  public var pixelCount: Int { width * height }

  /// The pixel at column `x`, row `y`.
  public subscript(x: Int, y: Int) -> RGBAPixel {
    get {
      let i = (y * width + x) * 4
      return RGBAPixel(red: bytes[i], green: bytes[i + 1], blue: bytes[i + 2], alpha: bytes[i + 3])
    }
    set {
      let i = (y * width + x) * 4
      bytes[i] = newValue.red
      bytes[i + 1] = newValue.green
      bytes[i + 2] = newValue.blue
      bytes[i + 3] = newValue.alpha
    }
  }
}
