import Drawing
import LumenCore
import Testing

@Suite struct CanvasTests {
  @Test func fillsShapesInStraightRGBA() throws {
    let canvas = try Canvas(size: Size(width: 40, height: 20), fill: .black)
    canvas.fillRectangle(
      PixelRect(x: 0, y: 0, width: 10, height: 10), color: RGBAPixel(red: 255, green: 0, blue: 0))
    canvas.fillCircle(
      centerX: 30, centerY: 10, radius: 5, color: RGBAPixel(red: 0, green: 0, blue: 255))
    try canvas.check()
    let image = canvas.image()
    #expect(image[5, 5] == RGBAPixel(red: 255, green: 0, blue: 0))
    #expect(image[30, 10] == RGBAPixel(red: 0, green: 0, blue: 255))
    #expect(image[20, 15] == RGBAPixel(red: 0, green: 0, blue: 0))
  }

  @Test func drawsTextWithARealFont() throws {
    let canvas = try Canvas(size: Size(width: 120, height: 30), fill: .black)
    #expect(canvas.textWidth("Lumen", sizePoints: 20) > 30)
    canvas.drawText("Lumen", x: 4, y: 22, sizePoints: 20, color: RGBAPixel(.white))
    let image = canvas.image()
    let lit = image.bytes.enumerated().filter { $0.offset % 4 == 0 && $0.element > 128 }.count
    #expect(lit > 50)
  }

  @Test func drawsVerticalTextUpFromItsStart() throws {
    let canvas = try Canvas(size: Size(width: 30, height: 120), fill: .black)
    let (ascent, descent) = canvas.fontExtents(sizePoints: 14)
    #expect(ascent > 8 && descent > 1 && ascent + descent < 20)
    let length = canvas.textWidth("#e63946", sizePoints: 14)
    canvas.drawVerticalText(
      "#e63946", x: 15 + (ascent - descent) / 2, y: 110, sizePoints: 14, color: RGBAPixel(.white))
    let image = canvas.image()
    var top = image.height
    var bottom = 0
    var left = image.width
    var right = 0
    for y in 0..<image.height {
      for x in 0..<image.width where image[x, y].red > 128 {
        top = min(top, y)
        bottom = max(bottom, y)
        left = min(left, x)
        right = max(right, x)
      }
    }
    // Tall and narrow, within the text's length above its start, centred near x = 15.
    #expect(bottom <= 110 && Double(top) >= 110 - length - 1, "\(top)…\(bottom)")
    #expect(bottom - top > 3 * (right - left), "\(left)…\(right) × \(top)…\(bottom)")
    #expect(abs(Double(left + right) / 2 - 15) < 3)
  }

  @Test func strokesLines() throws {
    let canvas = try Canvas(size: Size(width: 20, height: 20), fill: .black)
    canvas.strokeLine(
      from: Point(x: 2, y: 10), to: Point(x: 18, y: 10), color: RGBAPixel(.white), widthPixels: 2)
    let image = canvas.image()
    #expect(image[10, 10].red > 200 && image[10, 2].red == 0)
  }
}
