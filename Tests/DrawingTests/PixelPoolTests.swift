import LumenCore
import Testing

@testable import Drawing

/// Canvases of a chart's size draw on pooled memory: a canvas made after another of its size
/// is whole (its fill paints every pixel over what the last one left), and the pool hands the
/// same block on rather than a new one.
@Suite struct PixelPoolTests {
  @Test func aCanvasOnReusedMemoryShowsOnlyItsOwnPixels() throws {
    let size = Size(width: 400, height: 300)
    do {
      let first = try Canvas(size: size, fill: RGBColor(red: 200, green: 10, blue: 10))
      first.fillCircle(
        centerX: 100, centerY: 100, radius: 50, color: RGBAPixel(red: 0, green: 0, blue: 255))
    }
    let second = try Canvas(size: size, fill: RGBColor(red: 255, green: 255, blue: 255))
    let image = second.image()
    #expect(image.bytes.allSatisfy { $0 == 255 })
  }

  @Test func keepsBlocksOfServedSizesOnly() throws {
    let pool = PixelPool()
    let bytes = 1 << 20
    let block = try #require(pool.take(bytes))
    pool.give(block.memory, bytes: block.bytes)
    let again = try #require(pool.take(bytes - 100))
    #expect(again.memory == block.memory)
    pool.give(again.memory, bytes: again.bytes)
    // Twice as large a request does not take a block half its size.
    let larger = try #require(pool.take(3 * bytes))
    #expect(larger.memory != block.memory)
    pool.give(larger.memory, bytes: larger.bytes)
    #expect(pool.take(PixelPool.minBytes - 1) == nil)
    #expect(pool.take(PixelPool.maxBytes + 1) == nil)
  }
}
