import Drawing
import LumenCore
import Testing

/// Stamped discs (a scatter's markers) against the same discs filled one path at a time.
@Suite struct DiscStampTests {
  static let color = RGBAPixel(red: 0, green: 114, blue: 178, alpha: 89)

  /// Overlapping translucent discs at quarter-pixel positions, some cut by the edges: the
  /// pixels differ from cairo's paths by rounding only (at most 2 of 255 per channel).
  @Test func stampedDiscsMatchFilledPaths() throws {
    var centers: [Point] = []
    for i in 0..<400 {
      let x = Double((i * 37) % 330) / 4 - 2
      let y = Double((i * 53) % 250) / 4 - 2
      centers.append(Point(x: x, y: y))
    }
    let size = Size(width: 80, height: 60)
    let stamped = try Canvas(size: size, fill: RGBColor(red: 250, green: 250, blue: 250))
    stamped.fillDiscs(centers: centers, radius: 3.5, color: Self.color)
    let filled = try Canvas(size: size, fill: RGBColor(red: 250, green: 250, blue: 250))
    for c in centers {
      filled.fillCircle(centerX: c.x, centerY: c.y, radius: 3.5, color: Self.color)
    }
    let a = stamped.image()
    let b = filled.image()
    var largest = 0
    var changed = 0
    for (x, y) in zip(a.bytes, b.bytes) {
      largest = max(largest, abs(Int(x) - Int(y)))
    }
    for i in stride(from: 0, to: a.bytes.count, by: 4) where a.bytes[i] != 250 { changed += 1 }
    #expect(largest <= 2)
    #expect(changed > 1000)  // the discs are there
  }

  /// Between quarter pixels a disc moves by at most an eighth of a pixel: its pixels' weighted
  /// centre stays within that of the path's.
  @Test func offQuarterPositionsLandWithinAnEighthOfAPixel() throws {
    let size = Size(width: 40, height: 40)
    let white = RGBAPixel(red: 255, green: 255, blue: 255)
    for center in [Point(x: 20.37, y: 19.81), Point(x: 20.12, y: 19.5), Point(x: 19.9, y: 20.6)] {
      let stamped = try Canvas(size: size, fill: RGBColor(red: 0, green: 0, blue: 0))
      // A second disc far off: one disc alone is drawn as a path.
      stamped.fillDiscs(centers: [center, Point(x: 4, y: 4)], radius: 3, color: white)
      let filled = try Canvas(size: size, fill: RGBColor(red: 0, green: 0, blue: 0))
      filled.fillCircle(centerX: center.x, centerY: center.y, radius: 3, color: white)
      let (a, b) = (Self.centre(stamped.image()), Self.centre(filled.image()))
      #expect(abs(a.x - b.x) <= 0.13 && abs(a.y - b.y) <= 0.13, "\(center): \(a) \(b)")
    }
  }

  static func centre(_ image: RGBAImage) -> Point {
    var (sum, sx, sy) = (0.0, 0.0, 0.0)
    for y in 10..<image.height {
      for x in 10..<image.width {
        let w = Double(image[x, y].red)
        sum += w
        sx += w * (Double(x) + 0.5)
        sy += w * (Double(y) + 0.5)
      }
    }
    return Point(x: sx / sum, y: sy / sum)
  }
}
