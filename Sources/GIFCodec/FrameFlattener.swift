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
  ///
  /// An opaque canvas of the output size is returned as is (no copy): after the first frame
  /// most GIF canvases are fully opaque.
  public mutating func flatten(_ canvas: RGBAImage) -> RGBAImage {
    if canvas.width == outputSize.width && canvas.height == outputSize.height
      && Self.isOpaque(canvas.bytes)
    {
      return canvas
    }
    let outWidth = outputSize.width
    let outHeight = outputSize.height
    precondition(canvas.width <= outWidth && canvas.height <= outHeight && canvas.width > 0)
    var result = [UInt8](repeating: 0, count: outWidth * outHeight * 4)
    let bg =
      UInt32(background.red) | UInt32(background.green) << 8
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
          let row = UnsafeBufferPointer(rebasing: source[sourceRow..<(sourceRow + canvas.width)])
          if Self.isOpaque(row) {
            _ = UnsafeMutableBufferPointer(
              rebasing: destination[destinationRow..<(destinationRow + canvas.width)]
            ).update(fromContentsOf: row)
          } else {
            blend(row, into: destination, at: destinationRow)
          }
          let edge = destination[destinationRow + canvas.width - 1]
          for x in canvas.width..<outWidth { destination[destinationRow + x] = edge }
        }
      }
    }
    if transparentSeen { sawTransparency = true }
    return RGBAImage(width: outWidth, height: outHeight, bytes: result)

    func blend(
      _ row: UnsafeBufferPointer<UInt32>, into destination: UnsafeMutableBufferPointer<UInt32>,
      at start: Int
    ) {
      transparentSeen = true
      for x in 0..<row.count {
        let pixel = row[x]
        let alpha = pixel >> 24
        if alpha == 255 {
          destination[start + x] = pixel
        } else if alpha == 0 {
          destination[start + x] = bg
        } else {
          let inverse = 255 - alpha
          let r = ((pixel & 0xFF) * alpha + r0 * inverse + 127) / 255
          let g = (((pixel >> 8) & 0xFF) * alpha + g0 * inverse + 127) / 255
          let b = (((pixel >> 16) & 0xFF) * alpha + b0 * inverse + 127) / 255
          destination[start + x] = r | g << 8 | b << 16 | 0xFF00_0000
        }
      }
    }
  }

  /// Whether every pixel's alpha is 255 (an AND over the words, which vectorizes).
  static func isOpaque(_ pixels: UnsafeBufferPointer<UInt32>) -> Bool {
    var all: UInt32 = 0xFFFF_FFFF
    for pixel in pixels { all &= pixel }
    return all >> 24 == 255
  }

  static func isOpaque(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { isOpaque($0.bindMemory(to: UInt32.self)) }
  }
}
