import FFmpegIO
import GIFCodec
import LumenCore
import TestSupport
import Testing

/// Lumen's giflib-based compositing against FFmpeg's own GIF decoder (an independent
/// implementation), on fixtures without "restore to background" disposal, where the two
/// deliberately differ (FFmpeg fills with the background colour, browsers with transparency).
@Suite struct FFmpegComparisonTests {
  @Test(arguments: [
    "demo.gif",  // sub-rectangles, global palette
    "delays-mixed-101x75.gif",  // a local colour table on every frame
    "imagers__interlaced.gif",  // interlace, no GCE
    "pillow__dispose_prev.gif",  // restore to previous
    "sdwebimage__TestLoopCount.gif",  // transparency
  ])
  func compositesLikeFFmpegsGIFDecoder(name: String) throws {
    var ours = try GIFDecoder(path: Fixtures.path(name))
    var theirs = try MediaReader(path: Fixtures.path(name))
    var compared = 0
    while let frame = try ours.nextFrame() {
      let reference = try #require(
        try theirs.nextFrame(), "FFmpeg has fewer frames than \(compared + 1)")
      #expect(
        reference.image.width == frame.image.width && reference.image.height == frame.image.height)
      var mismatches = 0
      for y in 0..<frame.image.height {
        for x in 0..<frame.image.width {
          let p = frame.image[x, y]
          guard p.alpha == 255 else { continue }  // transparent: FFmpeg's fill colour differs
          if p != reference.image[x, y] { mismatches += 1 }
        }
      }
      #expect(mismatches == 0, "frame \(frame.index): \(mismatches) pixels differ")
      compared += 1
    }
    #expect(compared > 0)
    #expect(try theirs.nextFrame() == nil)
  }
}
