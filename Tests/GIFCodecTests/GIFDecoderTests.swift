import Foundation
import GIFCodec
import LumenCore
import TestSupport
import Testing

/// What a decoder knew at the end of a file.
struct DecoderState {
  var screenSize: Size
  var metadata: GIFMetadata
  var damage: GIFError?
  var warnings: [String]
  var framesFound: Int
}

/// Decodes a whole file (for tests only: the decoder itself streams).
func decodeAll(_ path: String, limits: DecodeLimits = .default) throws -> (
  frames: [GIFFrame], decoder: DecoderState
) {
  var decoder = try GIFDecoder(path: path, limits: limits)
  var frames: [GIFFrame] = []
  while let frame = try decoder.nextFrame() { frames.append(frame) }
  return (
    frames,
    DecoderState(
      screenSize: decoder.screenSize, metadata: decoder.metadata, damage: decoder.damage,
      warnings: decoder.warnings, framesFound: decoder.framesFound)
  )
}

let red = RGBColor(red: 255, green: 0, blue: 0)
let green = RGBColor(red: 0, green: 255, blue: 0)
let blue = RGBColor(red: 0, green: 0, blue: 255)
let white = RGBColor.white
// swift-format-ignore: AlwaysUseLowerCamelCase
let T = RGBAPixel.transparent
// swift-format-ignore: AlwaysUseLowerCamelCase
let R = RGBAPixel(red)
// swift-format-ignore: AlwaysUseLowerCamelCase
let G = RGBAPixel(green)
// swift-format-ignore: AlwaysUseLowerCamelCase
let B = RGBAPixel(blue)
// swift-format-ignore: AlwaysUseLowerCamelCase
let W = RGBAPixel(white)

func pixels(_ image: RGBAImage) -> [RGBAPixel] {
  (0..<image.height).flatMap { y in (0..<image.width).map { x in image[x, y] } }
}

@Suite struct GIFDecoderCompositingTests {
  /// Four frames exercising every disposal method on a 4×2 screen.
  func disposalGIF() -> GIFBuilder {
    var gif = GIFBuilder(width: 4, height: 2, globalPalette: [red, green, blue, white])
    gif.frames = [
      .init(
        rect: .init(x: 0, y: 0, width: 4, height: 2), indices: Array(repeating: 0, count: 8),
        disposal: 1),
      .init(rect: .init(x: 1, y: 0, width: 2, height: 1), indices: [1, 1], disposal: 2),
      .init(rect: .init(x: 0, y: 1, width: 1, height: 1), indices: [2], disposal: 1),
      .init(
        rect: .init(x: 2, y: 1, width: 2, height: 1), indices: [5, 3], disposal: 3,
        transparentIndex: 5),
      .init(rect: .init(x: 0, y: 0, width: 1, height: 1), indices: [1], disposal: 0),
    ]
    return gif
  }

  @Test func composesEveryDisposalMethodAsBrowsersDo() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(disposalGIF().bytes(), to: "disposal.gif")
    let (frames, decoder) = try decodeAll(path)
    #expect(frames.count == 5)
    #expect(decoder.damage == nil)
    #expect(pixels(frames[0].image) == [R, R, R, R, R, R, R, R])
    #expect(pixels(frames[1].image) == [R, G, G, R, R, R, R, R])
    // Disposal 2 cleared frame 1's rectangle to transparent (not to a background colour).
    #expect(pixels(frames[2].image) == [R, T, T, R, B, R, R, R])
    // Index 5 is transparent: the pixel under it stays.
    #expect(pixels(frames[3].image) == [R, T, T, R, B, R, R, W])
    // Disposal 3 restored the screen as it was before frame 3.
    #expect(pixels(frames[4].image) == [G, T, T, R, B, R, R, R])
    #expect(frames.map(\.disposal) == [.keep, .background, .keep, .previous, .unspecified])
  }

  @Test func flagsFramesThatChangeNoPixel() throws {
    var gif = GIFBuilder(width: 2, height: 1, globalPalette: [red, green])
    let full = PixelRect(x: 0, y: 0, width: 2, height: 1)
    gif.frames = [
      .init(rect: full, indices: [0, 0]),
      // Redraws the same colour.
      .init(rect: .init(x: 1, y: 0, width: 1, height: 1), indices: [0]),
      .init(rect: .init(x: 1, y: 0, width: 1, height: 1), indices: [1], disposal: 2),
      // After a clear.
      .init(rect: .init(x: 0, y: 0, width: 1, height: 1), indices: [5], transparentIndex: 5),
      .init(rect: .init(x: 0, y: 0, width: 1, height: 1), indices: [5], transparentIndex: 5),
    ]
    let folder = TemporaryDirectory()
    let (frames, _) = try decodeAll(folder.write(gif.bytes(), to: "same.gif"))
    #expect(frames.map(\.isIdenticalToPrevious) == [false, true, false, false, true])
  }

  @Test func deinterlacesRows() throws {
    var gif = GIFBuilder(
      width: 1, height: 10,
      globalPalette: (0..<10).map { RGBColor(red: UInt8($0 * 20), green: 0, blue: 0) })
    gif.frames = [
      .init(
        rect: .init(x: 0, y: 0, width: 1, height: 10), indices: (0..<10).map(UInt8.init),
        interlaced: true)
    ]
    let folder = TemporaryDirectory()
    let (frames, _) = try decodeAll(folder.write(gif.bytes(), to: "interlaced.gif"))
    let row = try #require(frames.first)
    #expect(row.isInterlaced)
    #expect((0..<10).map { row.image[0, $0].red } == (0..<10).map { UInt8($0 * 20) })
  }

  @Test func usesLocalColorTablesAndClipsFramesOutsideTheScreen() throws {
    var gif = GIFBuilder(width: 2, height: 2, globalPalette: [red])
    gif.frames = [
      .init(rect: .init(x: 0, y: 0, width: 2, height: 2), indices: [0, 0, 0, 0]),
      .init(
        rect: .init(x: 1, y: 1, width: 3, height: 3), indices: Array(repeating: 0, count: 9),
        localPalette: [blue]),
    ]
    let folder = TemporaryDirectory()
    let (frames, decoder) = try decodeAll(folder.write(gif.bytes(), to: "local.gif"))
    #expect(pixels(frames[1].image) == [R, R, R, B])
    #expect(frames[1].hasLocalColorTable)
    #expect(decoder.damage == nil)
  }

  @Test func readsLoopCountCommentsAndMissingGraphicControl() throws {
    var gif = GIFBuilder(width: 1, height: 1, globalPalette: [red], loopCount: 3)
    gif.comments = [Array("made by".utf8) + [0xA8, 0xFF] + Array(" tests".utf8)]
    gif.frames = [
      .init(rect: .init(x: 0, y: 0, width: 1, height: 1), indices: [0], delayCentiseconds: nil)
    ]
    let folder = TemporaryDirectory()
    let (frames, decoder) = try decodeAll(folder.write(gif.bytes(), to: "meta.gif"))
    #expect(decoder.metadata.loopCount == 3)
    #expect(decoder.metadata.comments == ["made by\u{FFFD}\u{FFFD} tests"])
    #expect(frames[0].timing.authoredCentiseconds == nil)
    #expect(frames[0].timing.playedCentiseconds == 10)
  }
}

@Suite struct GIFDecoderFixtureTests {
  @Test func readsEveryDelayAsWrittenAndAsPlayed() throws {
    let (frames, decoder) = try decodeAll(Fixtures.path("delays-mixed-101x75.gif"))
    #expect(frames.map { $0.timing.authoredCentiseconds } == [0, 1, 2, 3, 5, 10, 50, 100])
    #expect(frames.map(\.timing.playedCentiseconds) == [10, 10, 2, 3, 5, 10, 50, 100])
    #expect(frames.map(\.timing.playedCentiseconds).reduce(0, +) == 190)
    #expect(decoder.screenSize == Size(width: 101, height: 75))
    #expect(decoder.metadata.loopCount == 0)
  }

  @Test func keepsNonUTF8CommentsWithoutFailing() throws {
    let (_, decoder) = try decodeAll(
      Fixtures.path("pillow__palette_not_needed_for_second_frame.gif"))
    let comment = try #require(decoder.metadata.comments.first)
    #expect(comment.contains("File written by Adobe Photoshop"))
    #expect(comment.contains("\u{FFFD}"))
  }

  @Test func noLoopBlockMeansPlaysOnce() throws {
    let (frames, decoder) = try decodeAll(Fixtures.path("sdwebimage__TestLoopCount.gif"))
    #expect(decoder.metadata.loopCount == nil)
    #expect(frames.map(\.timing.playedCentiseconds) == [50, 50])
  }

  @Test func refusesAScreenBeyondTheLimitsBeforeAllocating() {
    #expect {
      _ = try GIFDecoder(path: Fixtures.path("imagegif__issue-101-infinite-empty-loop.gif"))
    } throws: { error in
      (error as? GIFError)?.code == .limitExceeded
        && "\(error)".contains("65351")
    }
  }

  @Test func appliesCustomLimitsToFramesAndFrameCounts() throws {
    let path = Fixtures.path("demo.gif")
    #expect(throws: GIFError.self) {
      _ = try decodeAll(path, limits: DecodeLimits(maxWidth: 100))
    }
    #expect {
      _ = try decodeAll(path, limits: DecodeLimits(maxFrames: 5))
    } throws: { ($0 as? GIFError)?.message.contains("more than 5 frames") == true }
    #expect {
      _ = try decodeAll(path, limits: DecodeLimits(maxTotalPixels: 160 * 90 * 3))
    } throws: { ($0 as? GIFError)?.code == .limitExceeded }
  }

  @Test func reportsAMissingFile() {
    #expect {
      _ = try GIFDecoder(path: "/nonexistent/x.gif")
    } throws: { ($0 as? GIFError)?.code == .openFailed }
  }

  @Test func rejectsANonGIF() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(Array("hello, this is not a GIF at all".utf8), to: "fake.gif")
    #expect(throws: GIFError.self) { _ = try GIFDecoder(path: path) }
  }
}

@Suite struct GIFDecoderDamageTests {
  func truncated(_ fraction: Double, of name: String, in folder: TemporaryDirectory) throws
    -> String
  {
    let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path(name)))
    return folder.write(Array(bytes.prefix(Int(Double(bytes.count) * fraction))), to: "cut.gif")
  }

  @Test func decodesUpToATruncationAndSaysWhere() throws {
    let folder = TemporaryDirectory()
    let path = try truncated(0.5, of: "demo.gif", in: folder)
    let (frames, decoder) = try decodeAll(path)
    let found = try GIFDecoder.countFrames(path: path)
    #expect(frames.count > 3 && frames.count < 24)
    let damage = try #require(decoder.damage)
    #expect(damage.frameIndex == frames.count)
    #expect(damage.byteOffset != nil)
    #expect(found == frames.count || found == frames.count + 1)
  }

  /// A code size above 8 (as in ../shared/gifcorpus/pillow__issue_2811.gif) is named as the
  /// cause, not giflib's "Failed to read from given file"; the same file cut just before that
  /// byte is an ordinary truncation.
  @Test(arguments: [11, 9, 143])
  func namesAnLZWCodeSizeAboveTheStandard(codeSize: UInt8) throws {
    let folder = TemporaryDirectory()
    let header: [UInt8] =
      Array("GIF89a".utf8) + [1, 0, 1, 0, 0x80, 0, 0] + [0, 0, 0, 255, 255, 255]
      + [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]
    let path = folder.write(header + [codeSize, 2, 0x4C, 0x01, 0, 0x3B], to: "wide-codes.gif")
    let (frames, decoder) = try decodeAll(path)
    #expect(frames.isEmpty)
    let damage = try #require(decoder.damage)
    #expect(damage.code == .codeSizeBeyondStandard)
    #expect(damage.description.contains("LZW code size of \(codeSize)"), "\(damage)")
    #expect(damage.description.contains("damaged") == (codeSize > 12), "\(damage)")
    #expect(damage.technicalDetail?.contains("DGifGetImageDesc") == true)

    let cut = folder.write(header, to: "cut.gif")
    let (_, cutDecoder) = try decodeAll(cut)
    #expect(cutDecoder.damage != nil && cutDecoder.damage?.code != .codeSizeBeyondStandard)
  }

  @Test func aMissingTrailerIsOnlyAWarning() throws {
    let folder = TemporaryDirectory()
    let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path("demo.gif")))
    let path = folder.write(Array(bytes.dropLast()), to: "no-trailer.gif")
    let (frames, decoder) = try decodeAll(path)
    #expect(frames.count == 24)
    #expect(decoder.damage == nil)
    #expect(decoder.warnings.contains { $0.contains("without a GIF trailer") })
  }

  @Test func keepsAFrameWithDamagedLZWAndStops() throws {
    let folder = TemporaryDirectory()
    var bytes = try #require(FileManager.default.contents(atPath: Fixtures.path("demo.gif"))).map {
      $0
    }
    // Garble bytes in the middle of the file (inside some frame's LZW data).
    for i in (bytes.count / 2)..<(bytes.count / 2 + 64) {
      bytes[i] = UInt8(truncatingIfNeeded: i * 37 + 11)
    }
    let path = folder.write(bytes, to: "garbled.gif")
    let (frames, decoder) = try decodeAll(path)
    #expect(frames.count < 24)
    #expect(frames.count > 0)
    #expect(decoder.damage != nil)
  }
}
