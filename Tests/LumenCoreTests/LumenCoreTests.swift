import Foundation
import LumenCore
import Testing

@Suite struct FrameTimingTests {
  @Test(
    arguments: [
      (nil, 10), (0, 10), (1, 10), (2, 2), (3, 3), (10, 10), (10_000, 10_000),
    ] as [(Int?, Int)])
  func playsDelaysAsBrowsers(authored: Int?, played: Int) {
    #expect(FrameTiming(authoredCentiseconds: authored).playedCentiseconds == played)
  }

  @Test func marksOnlyRewrittenDelaysAsClamped() {
    #expect(FrameTiming(authoredCentiseconds: 1).isClamped)
    #expect(FrameTiming(authoredCentiseconds: nil).isClamped)
    #expect(!FrameTiming(authoredCentiseconds: 10).isClamped)
    #expect(!FrameTiming(authoredCentiseconds: 2).isClamped)
  }
}

@Suite struct RGBColorTests {
  @Test(arguments: ["#1a2B3c", "1a2b3c"])
  func parsesHex(text: String) {
    #expect(RGBColor(hex: text) == RGBColor(red: 0x1A, green: 0x2B, blue: 0x3C))
  }

  @Test func parsesShortHexAndNames() {
    #expect(RGBColor(hex: "#f80") == RGBColor(red: 0xFF, green: 0x88, blue: 0x00))
    #expect(RGBColor(hex: "white") == .white)
  }

  @Test(arguments: ["", "#12345", "#gggggg", "#1234567", "red!"])
  func rejectsNonColors(text: String) {
    #expect(RGBColor(hex: text) == nil)
  }

  @Test func formatsLowercaseHex() {
    #expect(RGBColor(red: 255, green: 8, blue: 171).hex == "#ff08ab")
  }
}

@Suite struct GeometryTests {
  @Test func parsesSizes() {
    #expect(Size(parsing: "640x360") == Size(width: 640, height: 360))
    #expect(Size(parsing: "640×360") == Size(width: 640, height: 360))
    #expect(Size(parsing: "0x10") == nil)
    #expect(Size(parsing: "10") == nil)
  }

  @Test func roundsUpToEven() {
    #expect(Size(width: 85, height: 77).roundedUpToEven == Size(width: 86, height: 78))
    #expect(Size(width: 1, height: 1).roundedUpToEven == Size(width: 2, height: 2))
    #expect(Size(width: 4, height: 2).roundedUpToEven == Size(width: 4, height: 2))
  }

  @Test func clipsRectangles() {
    let screen = PixelRect(x: 0, y: 0, width: 10, height: 10)
    #expect(
      PixelRect(x: 8, y: -2, width: 5, height: 5).clipped(to: screen)
        == PixelRect(x: 8, y: 0, width: 2, height: 3))
    #expect(PixelRect(x: 20, y: 0, width: 5, height: 5).clipped(to: screen).isEmpty)
  }

  @Test func reportsTheFirstBrokenLimit() {
    let limits = DecodeLimits(maxWidth: 100, maxHeight: 50, maxPixelsPerFrame: 1000)
    #expect(limits.violation(width: 100, height: 10) == nil)
    #expect(limits.violation(width: 101, height: 1)?.contains("width 101") == true)
    #expect(limits.violation(width: 10, height: 51)?.contains("height 51") == true)
    #expect(limits.violation(width: 100, height: 11)?.contains("1100 pixels") == true)
  }
}

@Suite struct RGBAImageTests {
  @Test func readsAndWritesPixels() {
    var image = RGBAImage(width: 3, height: 2, fill: RGBAPixel(.white))
    image[2, 1] = RGBAPixel(red: 1, green: 2, blue: 3, alpha: 4)
    #expect(image[2, 1] == RGBAPixel(red: 1, green: 2, blue: 3, alpha: 4))
    #expect(image[0, 0] == RGBAPixel(.white))
    #expect(Array(image.bytes[20..<24]) == [1, 2, 3, 4])
  }
}
