public import LumenCore

/// Turns a composited GIF canvas into an opaque picture a 4:2:0 encoder can take: transparent
/// pixels are blended onto a background colour and odd sides are padded by repeating the last
/// column or row (never scaled).
public struct FrameFlattener: Sendable {
  /// The colour under transparent pixels.
  public let background: RGBColor
  /// The size of the pictures produced.
  public let outputSize: Size
  /// Whether any pixel flattened so far was not opaque.
  public private(set) var sawTransparency = false

  /// Creates a flattener producing `outputSize`, which must be at least the canvas size.
  public init(background: RGBColor, outputSize: Size) {
    self.background = background
    self.outputSize = outputSize
  }

  /// Returns the flattened, padded picture.
  public mutating func flatten(_ canvas: RGBAImage) -> RGBAImage {
    let outWidth = outputSize.width
    let outHeight = outputSize.height
    precondition(canvas.width <= outWidth && canvas.height <= outHeight && canvas.width > 0)
    var result = [UInt8](repeating: 0, count: outWidth * outHeight * 4)
    let bg = UInt32(background.red) | UInt32(background.green) << 8
      | UInt32(background.blue) << 16 | 0xFF00_0000
    let (r0, g0, b0) = (UInt32(background.red), UInt32(background.green), UInt32(background.blue))
    var transparentSeen = false
    canvas.bytes.withUnsafeBytes { sourceRaw in
      let source = sourceRaw.bindMemory(to: UInt32.self)
      result.withUnsafeMutableBytes { destinationRaw in
        let destination = destinationRaw.bindMemory(to: UInt32.self)
        for y in 0..<outHeight {
          let sourceRow = min(y, canvas.height - 1) * canvas.width
          let destinationRow = y * outWidth
          for x in 0..<canvas.width {
            let pixel = source[sourceRow + x]
            let alpha = pixel >> 24
            if alpha == 255 {
              destination[destinationRow + x] = pixel
            } else if alpha == 0 {
              destination[destinationRow + x] = bg
              transparentSeen = true
            } else {
              transparentSeen = true
              let inverse = 255 - alpha
              let r = ((pixel & 0xFF) * alpha + r0 * inverse + 127) / 255
              let g = (((pixel >> 8) & 0xFF) * alpha + g0 * inverse + 127) / 255
              let b = (((pixel >> 16) & 0xFF) * alpha + b0 * inverse + 127) / 255
              destination[destinationRow + x] = r | g << 8 | b << 16 | 0xFF00_0000
            }
          }
          let edge = destination[destinationRow + canvas.width - 1]
          for x in canvas.width..<outWidth { destination[destinationRow + x] = edge }
        }
      }
    }
    if transparentSeen { sawTransparency = true }
    return RGBAImage(width: outWidth, height: outHeight, bytes: result)
  }
}
