import FFmpegIO
import LumenCore
import TestSupport
import Testing

/// `nextFrame(where:)`: the pictures kept are the ones `nextFrame()` gives, with the same
/// pixels and times; the predicate sees each picture's start and the next one's.
@Suite struct MediaReaderSkippingTests {
  @Test func keepsExactlyThePicturesAskedForWithTheirPixels() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("steps.mp4")
    let size = Size(width: 64, height: 48)
    let colors = (0..<9).map {
      RGBColor(red: UInt8(25 * $0), green: UInt8(200 - 20 * $0), blue: 90)
    }
    var writer = try VideoWriter(path: path, settings: VideoSettings(inputSize: size))
    for (i, color) in colors.enumerated() {
      try writer.append(solid(color, size), presentationTime: Int64(10 * i))
    }
    try writer.finish(endTime: 90)
    let all = try readAll(path).frames
    #expect(all.count == 9)

    var reader = try MediaReader(path: path)
    var seen: [(Double, Double?)] = []
    var kept: [DecodedFrame] = []
    // Keep pictures 0, 3, 4 and 8 (the last is always handed out).
    let wanted: Set<Int> = [0, 3, 4]
    while let frame = try reader.nextFrame(where: { start, next in
      seen.append((start, next))
      return wanted.contains(Int((start * 10).rounded()))
    }) {
      kept.append(frame)
    }
    #expect(seen.count == 8)
    #expect(seen.map { Int(($0.0 * 10).rounded()) } == Array(0..<8))
    #expect(seen.map { $0.1.map { Int(($0 * 10).rounded()) } } == (1..<9).map { Optional($0) })
    #expect(kept.map { Int(($0.presentationSeconds * 10).rounded()) } == [0, 3, 4, 8])
    for frame in kept {
      let index = Int((frame.presentationSeconds * 10).rounded())
      #expect(frame.image == all[index].image)
    }
  }
}
