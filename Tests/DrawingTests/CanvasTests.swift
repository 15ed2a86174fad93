import Drawing
import LumenCore
import Testing

@Suite struct CanvasTests {
  @Test func fillsShapesInStraightRGBA() throws {
    let canvas = try Canvas(size: Size(width: 40, height: 20), fill: .black)
    canvas.fillRectangle(PixelRect(x: 0, y: 0, width: 10, height: 10), color: RGBAPixel(red: 255, green: 0, blue: 0))
    canvas.fillCircle(centerX: 30, centerY: 10, radius: 5, color: RGBAPixel(red: 0, green: 0, blue: 255))
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
}
