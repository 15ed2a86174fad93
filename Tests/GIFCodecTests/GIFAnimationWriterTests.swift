import FFmpegIO
import Foundation
import GIFCodec
import LumenCore
import TestSupport
import Testing

@Suite struct GIFAnimationWriterTests {
  static let red = RGBColor(red: 220, green: 30, blue: 40)
  static let navy = RGBColor(red: 10, green: 20, blue: 60)
  static let yellow = RGBColor(red: 250, green: 220, blue: 90)

  /// A 37×23 navy frame with a red block, plus a yellow dot at `dot` when given.
  static func frame(dot: (Int, Int)?) -> RGBAImage {
    var image = RGBAImage(width: 37, height: 23, fill: RGBAPixel(navy))
    for y in 5..<12 { for x in 3..<9 { image.set(x, y, red) } }
    if let (dx, dy) = dot {
      for y in dy..<(dy + 3) { for x in dx..<(dx + 2) { image.set(x, y, yellow) } }
    }
    return image
  }

  static func decodeAll(_ path: String) throws -> [GIFFrame] {
    var decoder = try GIFDecoder(path: path)
    var frames: [GIFFrame] = []
    while let f = try decoder.nextFrame() { frames.append(f) }
    return frames
  }

  @Test func roundTripsPixelsDelaysAndDiffRectangles() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("a.gif")
    let table = GIFColorTable(colors: [Self.navy, Self.red, Self.yellow])
    var writer = try GIFAnimationWriter(
      path: path, size: Size(width: 37, height: 23), colorTable: table)
    let frames = [
      Self.frame(dot: nil), Self.frame(dot: (20, 10)), Self.frame(dot: (20, 10)),
      Self.frame(dot: (30, 2)),
    ]
    let delays = [10, 3, 4, 7]
    for (f, d) in zip(frames, delays) { try writer.append(f, delayCentiseconds: d) }
    let summary = try writer.finish()
    #expect(summary.framesAppended == 4)
    #expect(summary.framesStored == 3)  // frames 2 and 3 are identical: merged
    #expect(summary.durationCentiseconds == 24)

    let decoded = try Self.decodeAll(path)
    #expect(decoded.count == 3)
    #expect(decoded.map(\.timing.playedCentiseconds) == [10, 7, 7])
    #expect(decoded[0].image == frames[0])
    #expect(decoded[1].image == frames[1])
    #expect(decoded[2].image == frames[3])
    // Frames after the first are the changed rectangle only, unchanged pixels transparent.
    #expect(decoded[1].rect == PixelRect(x: 20, y: 10, width: 2, height: 3))
    #expect(decoded[2].rect == PixelRect(x: 20, y: 2, width: 12, height: 11))
    #expect(decoded[2].transparentIndex == 3)
  }

  @Test func ffmpegDecodesTheSameFrames() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("b.gif")
    let table = GIFColorTable(colors: [Self.navy, Self.red, Self.yellow])
    var writer = try GIFAnimationWriter(
      path: path, size: Size(width: 37, height: 23), colorTable: table)
    let frames = [Self.frame(dot: nil), Self.frame(dot: (20, 10)), Self.frame(dot: (30, 2))]
    for f in frames { try writer.append(f, delayCentiseconds: 10) }
    _ = try writer.finish()
    var reader = try MediaReader(path: path)
    var index = 0
    while let picture = try reader.nextFrame()?.image {
      #expect(picture == frames[index], "frame \(index)")
      index += 1
    }
    #expect(index == 3)
  }

  @Test func mapsToTheNearestColourAndLoops() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("c.gif")
    let table = GIFColorTable(colors: [.black, .white])
    var writer = try GIFAnimationWriter(
      path: path, size: Size(width: 4, height: 1), colorTable: table, loopCount: 3)
    var image = RGBAImage(width: 4, height: 1)
    for (x, v) in [10, 100, 160, 250].enumerated() {
      image.set(x, 0, RGBColor(red: UInt8(v), green: UInt8(v), blue: UInt8(v)))
    }
    try writer.append(image, delayCentiseconds: 5)
    _ = try writer.finish()
    var decoder = try GIFDecoder(path: path)
    let frame = try #require(try decoder.nextFrame())
    #expect((0..<4).map { frame.image[$0, 0].red } == [0, 0, 255, 255])
    #expect(decoder.metadata.loopCount == 3)
  }

  @Test func orderedDitheringMixesNeighbouringEntries() throws {
    let folder = TemporaryDirectory()
    // A flat grey halfway between the two entries: nearest-colour maps it all to one entry,
    // ordered dithering to a pattern of both.
    let grey = RGBAImage(width: 16, height: 16, fill: RGBAPixel(red: 127, green: 127, blue: 127))
    var counts: [GIFDithering: Set<UInt8>] = [:]
    for dithering in GIFDithering.allCases {
      let path = folder.file("\(dithering).gif")
      var writer = try GIFAnimationWriter(
        path: path, size: Size(width: 16, height: 16),
        colorTable: GIFColorTable(colors: [.black, .white]),
        dithering: dithering)
      try writer.append(grey, delayCentiseconds: 10)
      _ = try writer.finish()
      var decoder = try GIFDecoder(path: path)
      let frame = try #require(try decoder.nextFrame())
      counts[dithering] = Set(
        stride(from: 0, to: frame.image.bytes.count, by: 4).map { frame.image.bytes[$0] })
    }
    #expect(counts[GIFDithering.none]?.count == 1)
    #expect(counts[.ordered] == [0, 255])
  }

  @Test func refusesWrongSizes() throws {
    let folder = TemporaryDirectory()
    #expect(throws: GIFError.self) {
      _ = try GIFAnimationWriter(
        path: folder.file("d.gif"), size: Size(width: 0, height: 5),
        colorTable: GIFColorTable(colors: [.black]))
    }
    var writer = try GIFAnimationWriter(
      path: folder.file("e.gif"), size: Size(width: 4, height: 4),
      colorTable: GIFColorTable(colors: [.black]))
    #expect(throws: GIFError.self) {
      try writer.append(RGBAImage(width: 5, height: 4), delayCentiseconds: 10)
    }
    _ = try writer.finish()
  }
}

extension RGBAImage {
  mutating func set(_ x: Int, _ y: Int, _ c: RGBColor) {
    let i = (y * width + x) * 4
    bytes[i] = c.red
    bytes[i + 1] = c.green
    bytes[i + 2] = c.blue
    bytes[i + 3] = 255
  }
}
