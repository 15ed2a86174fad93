internal import Drawing
internal import Foundation
internal import LumenCore

/// A caption drawn once (Pango text, any script: white with a dark outline) as a transparent
/// overlay, then laid over every frame.
struct CaptionOverlay {
  private let pixels: RGBAImage

  /// Draws `text` for frames of `size`, its height about a twelfth of the frame's (smaller
  /// when the line would not fit), at the top or bottom.
  init(text: String, size: Size, position: CaptionPosition) throws {
    let canvas = try Canvas(transparentSize: size)
    try canvas.loadText()
    var fontSize = max(10, Double(size.height) / 12)
    let margin = max(4, Double(size.height) / 30)
    let outline = max(1, fontSize / 14)
    var metrics = canvas.measure(text, sizePixels: fontSize, bold: true)
    let room = Double(size.width) - 2 * margin - 2 * outline
    if metrics.width > room, metrics.width > 0 {
      fontSize = max(6, fontSize * room / metrics.width)
      metrics = canvas.measure(text, sizePixels: fontSize, bold: true)
    }
    let baseline =
      position == .top
      ? margin + metrics.baseline
      : Double(size.height) - margin - (metrics.height - metrics.baseline)
    let centre = Point(x: Double(size.width) / 2, y: baseline)
    let dark = RGBAPixel(red: 0, green: 0, blue: 0, alpha: 230)
    // The outline: the text drawn around the point in a ring, then the text on top.
    for step in 0..<16 {
      let angle = Double(step) * Double.pi / 8
      let offset = Point(
        x: centre.x + outline * cos(angle), y: centre.y + outline * sin(angle))
      canvas.drawText(text, at: offset, sizePixels: fontSize, bold: true, color: dark, anchor: 0.5)
    }
    canvas.drawText(
      text, at: centre, sizePixels: fontSize, bold: true,
      color: RGBAPixel(red: 255, green: 255, blue: 255), anchor: 0.5)
    try canvas.check()
    pixels = canvas.image()
  }

  /// `image` with the caption laid over it (straight-alpha blending onto opaque pixels).
  func apply(to image: RGBAImage) -> RGBAImage {
    var result = image
    result.bytes.withUnsafeMutableBufferPointer { target in
      pixels.bytes.withUnsafeBufferPointer { overlay in
        var i = 0
        while i < overlay.count {
          let alpha = Int(overlay[i + 3])
          if alpha == 255 {
            target[i] = overlay[i]
            target[i + 1] = overlay[i + 1]
            target[i + 2] = overlay[i + 2]
          } else if alpha > 0 {
            for c in 0..<3 {
              target[i + c] = UInt8(
                (Int(overlay[i + c]) * alpha + Int(target[i + c]) * (255 - alpha) + 127) / 255)
            }
          }
          i += 4
        }
      }
    }
    return result
  }
}
