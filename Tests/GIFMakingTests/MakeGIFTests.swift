import FFmpegIO
import Foundation
import GIFCodec
import GIFMaking
import LumenCore
import PNGCodec
import TestSupport
import Testing

/// A test clip: a gradient background with a square moving right, 25 frames a second.
enum Clip {
  static let size = Size(width: 96, height: 64)
  static let square = 12

  /// Where the square is in frame `i` (it comes back on the left after 26 frames).
  static func squareRect(_ i: Int) -> PixelRect {
    PixelRect(x: 4 + 3 * i % 78, y: 26, width: square, height: square)
  }

  static func picture(_ i: Int, size: Size = Clip.size) -> RGBAImage {
    var image = RGBAImage(width: size.width, height: size.height)
    let rect = squareRect(i)
    for y in 0..<size.height {
      for x in 0..<size.width {
        let inside =
          x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height
        image[x, y] =
          inside
          ? RGBAPixel(red: 250, green: 200, blue: 20)
          : RGBAPixel(
            red: UInt8(40 + x * 2), green: UInt8(60 + y * 2), blue: UInt8(200 - x))
      }
    }
    return image
  }

  /// Writes `frames` pictures at 25 fps as a near-lossless H.264 MP4 (or VP9 WebM).
  static func video(_ path: String, frames: Int = 25, webm: Bool = false) throws {
    var writer = try VideoWriter(
      path: path,
      settings: VideoSettings(
        codec: webm ? .vp9 : .h264, container: webm ? .webm : .mp4, crf: webm ? 10 : 4,
        preset: "ultrafast", inputSize: size, timeBase: Rational(1, 25)))
    for i in 0..<frames { try writer.append(picture(i), presentationTime: Int64(i)) }
    try writer.finish(endTime: Int64(frames))
  }

  /// A GIF of `colors.count` solid frames (one palette colour each) with these delays.
  static func solidGIF(_ path: String, colors: [RGBColor], delays: [Int]) {
    var builder = GIFBuilder(width: 16, height: 8, globalPalette: colors)
    for (i, delay) in delays.enumerated() {
      builder.frames.append(
        GIFBuilder.Frame(
          rect: PixelRect(x: 0, y: 0, width: 16, height: 8),
          indices: [UInt8](repeating: UInt8(i), count: 128), delayCentiseconds: delay))
    }
    FileManager.default.createFile(atPath: path, contents: Data(builder.bytes()))
  }
}

/// What a GIF decodes to with giflib (composited frames, browser delays).
struct DecodedGIF {
  var frames: [GIFFrame] = []
  var delays: [Int] { frames.map(\.timing.playedCentiseconds) }

  init(_ path: String) throws {
    var decoder = try GIFDecoder(path: path)
    while let frame = try decoder.nextFrame() { frames.append(frame) }
  }
}

/// Peak signal-to-noise ratio of two pictures' RGB, in dB (an independent check of quality).
func psnr(_ a: RGBAImage, _ b: RGBAImage) -> Double {
  var squares = 0.0
  var count = 0.0
  for i in stride(from: 0, to: a.bytes.count, by: 4) {
    for c in 0..<3 {
      let d = Double(a.bytes[i + c]) - Double(b.bytes[i + c])
      squares += d * d
      count += 1
    }
  }
  return squares == 0 ? 99 : 10 * log10(255 * 255 / (squares / count))
}

/// Structural similarity of two pictures' luma (Rec. 601), over 7×7 windows on a grid of 3 —
/// written here independently of Lumen's own measure.
func ssim(_ a: RGBAImage, _ b: RGBAImage) -> Double {
  func luma(_ image: RGBAImage, _ x: Int, _ y: Int) -> Double {
    let p = image[x, y]
    return 0.299 * Double(p.red) + 0.587 * Double(p.green) + 0.114 * Double(p.blue)
  }
  let c1 = (0.01 * 255.0) * (0.01 * 255.0)
  let c2 = (0.03 * 255.0) * (0.03 * 255.0)
  var total = 0.0
  var windows = 0
  for y0 in stride(from: 0, through: a.height - 7, by: 3) {
    for x0 in stride(from: 0, through: a.width - 7, by: 3) {
      var (sa, sb, saa, sbb, sab) = (0.0, 0.0, 0.0, 0.0, 0.0)
      for y in y0..<(y0 + 7) {
        for x in x0..<(x0 + 7) {
          let (u, v) = (luma(a, x, y), luma(b, x, y))
          sa += u
          sb += v
          saa += u * u
          sbb += v * v
          sab += u * v
        }
      }
      let n = 49.0
      let (ma, mb) = (sa / n, sb / n)
      let va = saa / n - ma * ma
      let vb = sbb / n - mb * mb
      let cov = sab / n - ma * mb
      total += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
      windows += 1
    }
  }
  return total / Double(max(1, windows))
}

@Suite struct MakeGIFTests {
  /// A video to a GIF at its own rate: every frame, 4 cs each adding up to the clip's 1 s,
  /// each decoded frame (by giflib and by FFmpeg) close to its source picture.
  @Test func aVideoBecomesAGIFFrameForFrame() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video)
    let output = folder.file("clip.gif")
    let report = try MakeGIF.make(inputs: [video], output: output)
    #expect(report.framesOut == 25)
    #expect(report.durationSeconds == 1)
    #expect(report.delays.allSatisfy { $0 == 4 })
    #expect(report.ssim > 0.93)
    let gif = try DecodedGIF(output)
    #expect(gif.frames.count == 25)
    #expect(gif.delays.reduce(0, +) == 100)
    for (i, frame) in gif.frames.enumerated() {
      #expect(psnr(frame.image, Clip.picture(i)) > 30, "frame \(i)")
      #expect(ssim(frame.image, Clip.picture(i)) > 0.9, "frame \(i)")
    }
    // The measure tells frames apart: frame 0 is further from a later picture than its own.
    #expect(
      ssim(gif.frames[0].image, Clip.picture(12)) < ssim(gif.frames[0].image, Clip.picture(0))
        - 0.02)
    // FFmpeg reads the same frames at the same times.
    var reader = try MediaReader(path: output)
    var times: [Double] = []
    while let frame = try reader.nextFrame() { times.append(frame.presentationSeconds) }
    #expect(times.count == 25)
    #expect(times.enumerated().allSatisfy { abs($0.element - Double($0.offset) * 0.04) < 0.005 })
    // Nothing but the GIF is left in the folder.
    #expect(folder.contents() == ["clip.gif", "clip.mp4"])
  }

  /// A WebM (VP9) is read the same way.
  @Test func aWebMVideo() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.webm")
    try Clip.video(video, frames: 10, webm: true)
    let report = try MakeGIF.make(inputs: [video], output: folder.file("w.gif"))
    #expect(
      report.inputKind == "video" && report.framesOut == 10 && report.delays.reduce(0, +) == 40)
    let gif = try DecodedGIF(folder.file("w.gif"))
    #expect(ssim(gif.frames[9].image, Clip.picture(9)) > 0.85)
  }

  /// Resampled at 15 fps and scaled to half: 7/7/6 cs summing to the second; each frame is
  /// the source picture nearest its time, scaled the same way.
  @Test func resamplingAndScaling() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video)
    var options = GIFOptions()
    options.framesPerSecond = 15
    options.width = 48
    let report = try MakeGIF.make(
      inputs: [video], output: folder.file("half.gif"), options: options)
    #expect(report.width == 48 && report.height == 32)
    #expect(report.framesOut == 15)
    #expect(report.delays.reduce(0, +) == 100)
    #expect(Set(report.delays) == [6, 7])
    let gif = try DecodedGIF(folder.file("half.gif"))
    let resizer = try ImageResizer(from: Clip.size, to: Size(width: 48, height: 32))
    for (k, frame) in gif.frames.enumerated() {
      // Sample k at k/15 s takes the last picture starting before its midpoint.
      let source = Int(((Double(k) + 0.5) / 15 * 25).rounded(.up)) - 1
      let scaled = try resizer.resize(Clip.picture(source))
      #expect(psnr(frame.image, scaled) > 26, "frame \(k)")
      #expect(ssim(frame.image, scaled) > 0.85, "frame \(k)")
    }
  }

  /// Temporal stability: on a GIF whose background stays exactly still, every frame after the
  /// first stores only the rectangle the square moved over; the palette keeps every colour,
  /// so the frames decode exactly.
  @Test func stillPixelsKeepTheirIndices() throws {
    let folder = TemporaryDirectory()
    let palette = [
      RGBColor(red: 20, green: 30, blue: 40), RGBColor(red: 200, green: 210, blue: 220),
      RGBColor(red: 250, green: 60, blue: 10),
    ]
    var builder = GIFBuilder(width: 40, height: 20, globalPalette: palette)
    func picture(_ i: Int) -> [UInt8] {
      (0..<800).map { p in
        let (x, y) = (p % 40, p / 40)
        if x >= 2 + 4 * i && x < 8 + 4 * i && y >= 7 && y < 13 { return 2 }
        return UInt8((x / 5 + y / 5) % 2)
      }
    }
    for i in 0..<6 {
      builder.frames.append(
        GIFBuilder.Frame(rect: PixelRect(x: 0, y: 0, width: 40, height: 20), indices: picture(i)))
    }
    let input = folder.write(builder.bytes(), to: "in.gif")
    let output = folder.file("out.gif")
    let report = try MakeGIF.make(inputs: [input], output: output)
    #expect(report.colors == 3)
    #expect(report.ssim == 1)
    let gif = try DecodedGIF(output)
    let source = try DecodedGIF(input)
    #expect(gif.frames.count == 6)
    for i in 1..<6 {
      let rect = gif.frames[i].rect
      // The square's old and new places: x from 2 + 4(i-1) to 8 + 4i, rows 7–12.
      #expect(rect.x >= 2 + 4 * (i - 1) && rect.x + rect.width <= 8 + 4 * i, "frame \(i) \(rect)")
      #expect(rect.y >= 7 && rect.y + rect.height <= 13, "frame \(i) \(rect)")
      #expect(gif.frames[i].image == source.frames[i].image, "frame \(i)")
    }
  }

  /// A GIF cut short is made up to the damage, and the report says so.
  @Test func damageIsReported() throws {
    let folder = TemporaryDirectory()
    let whole = folder.file("whole.gif")
    Clip.solidGIF(whole, colors: [.white, .black, .white], delays: [10, 10, 10])
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: whole)))
    let cut = folder.write(Array(bytes.prefix(bytes.count - 12)), to: "cut.gif")
    let report = try MakeGIF.make(inputs: [cut], output: folder.file("out.gif"))
    #expect(report.framesOut == 2)
    #expect(
      report.warnings.contains { $0.contains("cut.gif") && $0.contains("2 frames before it") })
  }

  /// reverse, boomerang and speed: frame order and delays exact.
  @Test func reverseBoomerangAndSpeed() throws {
    let folder = TemporaryDirectory()
    let colors = [
      RGBColor(red: 255, green: 0, blue: 0), RGBColor(red: 0, green: 255, blue: 0),
      RGBColor(red: 0, green: 0, blue: 255), RGBColor(red: 255, green: 255, blue: 0),
    ]
    let input = folder.file("in.gif")
    Clip.solidGIF(input, colors: colors, delays: [10, 20, 30, 40])
    func first(_ frame: GIFFrame) -> RGBColor {
      RGBColor(red: frame.image.bytes[0], green: frame.image.bytes[1], blue: frame.image.bytes[2])
    }
    var options = GIFOptions()
    options.reverse = true
    _ = try MakeGIF.make(inputs: [input], output: folder.file("r.gif"), options: options)
    var gif = try DecodedGIF(folder.file("r.gif"))
    #expect(gif.frames.map(first) == colors.reversed())
    #expect(gif.delays == [40, 30, 20, 10])

    options = GIFOptions()
    options.boomerang = true
    let boomerang = try MakeGIF.make(
      inputs: [input], output: folder.file("b.gif"), options: options)
    gif = try DecodedGIF(folder.file("b.gif"))
    #expect(gif.frames.map(first) == [0, 1, 2, 3, 2, 1].map { colors[$0] })
    #expect(gif.delays == [10, 20, 30, 40, 30, 20])
    #expect(boomerang.sourceDurationSeconds == 1.5)

    options = GIFOptions()
    options.speed = 2
    _ = try MakeGIF.make(inputs: [input], output: folder.file("s.gif"), options: options)
    gif = try DecodedGIF(folder.file("s.gif"))
    #expect(gif.delays == [5, 10, 15, 20])
  }

  /// A part of the video: start and duration, delays summing to the duration.
  @Test func startAndDuration() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video, frames: 50)
    var options = GIFOptions()
    options.start = 0.6
    options.duration = 0.8
    let report = try MakeGIF.make(inputs: [video], output: folder.file("p.gif"), options: options)
    #expect(report.delays.reduce(0, +) == 80)
    let gif = try DecodedGIF(folder.file("p.gif"))
    #expect(gif.frames.count == 20)
    // The first frame is source picture 15 (0.6 s).
    #expect(psnr(gif.frames[0].image, Clip.picture(15)) > 30)
  }

  /// max_bytes: the GIF fits and says what was lowered; a budget nothing reaches is refused
  /// in words, and no file is left.
  @Test func maxBytesFitsOrFailsClearly() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video, frames: 50)
    let plain = try MakeGIF.make(inputs: [video], output: folder.file("plain.gif"))
    var options = GIFOptions()
    options.maxBytes = plain.bytes * 2 / 3
    let fitted = try MakeGIF.make(inputs: [video], output: folder.file("fit.gif"), options: options)
    #expect(fitted.bytes <= options.maxBytes!)
    #expect(!fitted.maxBytesSteps.isEmpty)
    let size = try FileManager.default.attributesOfItem(atPath: folder.file("fit.gif"))[.size]
    #expect((size as? NSNumber)?.intValue == fitted.bytes)

    options.maxBytes = 1024
    #expect {
      _ = try MakeGIF.make(inputs: [video], output: folder.file("tiny.gif"), options: options)
    } throws: { error in
      guard case GIFMakingError.doesNotFit(let limit, _, let steps) = error else { return false }
      return limit == 1024 && steps.contains("lossy")
    }
    #expect(!folder.contents().contains("tiny.gif"))
    #expect(folder.contents().allSatisfy { !$0.hasPrefix(".") })
  }

  /// Still images in order, each for `delay`; one of another size is fitted (aspect kept)
  /// onto the background.
  @Test func imagesInOrder() throws {
    let folder = TemporaryDirectory()
    let big = Clip.picture(0)
    let tall = RGBAImage(width: 20, height: 40, fill: RGBAPixel(red: 0, green: 0, blue: 0))
    let paths = [folder.file("a.png"), folder.file("b.png"), folder.file("c.png")]
    try PNGFile.write(big, to: paths[0])
    try PNGFile.write(tall, to: paths[1])
    try PNGFile.write(Clip.picture(5), to: paths[2])
    var options = GIFOptions()
    options.delay = 25
    let report = try MakeGIF.make(inputs: paths, output: folder.file("i.gif"), options: options)
    #expect(report.inputKind == "images")
    #expect(report.delays == [25, 25, 25])
    let gif = try DecodedGIF(folder.file("i.gif"))
    #expect(gif.frames.count == 3)
    let middle = gif.frames[1].image
    // The tall black image is 32 pixels wide in the middle; the sides are the white background.
    #expect(middle[0, 32] == RGBAPixel(red: 255, green: 255, blue: 255))
    #expect(middle[48, 32].red < 30)
    #expect(psnr(gif.frames[2].image, Clip.picture(5)) > 30)
  }

  /// A caption changes the bottom of every frame and not the top.
  @Test func captionIsDrawn() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video, frames: 5)
    var options = GIFOptions()
    options.caption = "Hi 世界"
    _ = try MakeGIF.make(inputs: [video], output: folder.file("c.gif"), options: options)
    let gif = try DecodedGIF(folder.file("c.gif"))
    let image = gif.frames[0].image
    let source = Clip.picture(0)
    func region(_ rows: Range<Int>) -> Double {
      var total = 0.0
      for y in rows {
        for x in 0..<Clip.size.width {
          total += abs(Double(image[x, y].red) - Double(source[x, y].red))
        }
      }
      return total / Double(rows.count * Clip.size.width)
    }
    #expect(region(0..<20) < 4)
    #expect(region(48..<62) > 20)
  }

  /// Per-frame palettes: each frame carries its own table, and the colours come back.
  @Test func perFramePalettes() throws {
    let folder = TemporaryDirectory()
    let input = folder.file("in.gif")
    Clip.solidGIF(
      input,
      colors: [RGBColor(red: 12, green: 34, blue: 56), RGBColor(red: 200, green: 100, blue: 50)],
      delays: [10, 10])
    var options = GIFOptions()
    options.palette = .perFrame
    let report = try MakeGIF.make(inputs: [input], output: folder.file("p.gif"), options: options)
    #expect(report.localPalettes == 2)
    let gif = try DecodedGIF(folder.file("p.gif"))
    let local = gif.frames.map(\.hasLocalColorTable)
    #expect(local == [true, true])
    #expect(gif.frames[1].image.bytes.prefix(3) == [200, 100, 50])
  }

  /// Lossy LZW makes the file smaller, and the report's SSIM stays high.
  @Test func lossyIsSmaller() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video)
    let exact = try MakeGIF.make(inputs: [video], output: folder.file("e.gif"))
    var options = GIFOptions()
    options.lossy = 80
    let lossy = try MakeGIF.make(inputs: [video], output: folder.file("l.gif"), options: options)
    #expect(lossy.bytes < exact.bytes)
    #expect(lossy.ssim > 0.9)
    let gif = try DecodedGIF(folder.file("l.gif"))
    #expect(gif.frames.count == exact.framesOut)
  }

  /// auto: a scene change the global palette cannot hold (8 colours in two scenes, a
  /// 4-colour palette) gets frames with their own palette, truer than the global one.
  @Test func autoPalettesFollowASceneChange() throws {
    let folder = TemporaryDirectory()
    let blues = (0..<4).map { RGBColor(red: 10, green: UInt8(20 + 40 * $0), blue: 240) }
    let reds = (0..<4).map { RGBColor(red: 240, green: UInt8(30 + 50 * $0), blue: 20) }
    var builder = GIFBuilder(width: 32, height: 16, globalPalette: blues + reds)
    for frame in 0..<6 {
      // Stripes of the scene's four colours, shifted each frame.
      let base = frame < 3 ? 0 : 4
      builder.frames.append(
        GIFBuilder.Frame(
          rect: PixelRect(x: 0, y: 0, width: 32, height: 16),
          indices: (0..<512).map { UInt8(base + ($0 % 32 / 8 + frame) % 4) }))
    }
    let input = folder.write(builder.bytes(), to: "scenes.gif")
    var options = GIFOptions()
    options.colors = 4
    options.dither = .none
    options.palette = .global
    let global = try MakeGIF.make(inputs: [input], output: folder.file("g.gif"), options: options)
    options.palette = .auto
    let auto = try MakeGIF.make(inputs: [input], output: folder.file("a.gif"), options: options)
    #expect(global.localPalettes == 0)
    #expect(auto.localPalettes >= 3)
    #expect(auto.ssim > global.ssim)
    let source = try DecodedGIF(input)
    let made = try DecodedGIF(folder.file("a.gif"))
    for i in 0..<6 {
      #expect(psnr(made.frames[i].image, source.frames[i].image) > 40, "frame \(i)")
    }
  }

  /// A video's still background: after the first frame, frames store about the square's
  /// path (codec noise of a level is not a change).
  @Test func aVideosStillBackgroundIsNotStoredAgain() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video, frames: 10)
    _ = try MakeGIF.make(inputs: [video], output: folder.file("v.gif"))
    let gif = try DecodedGIF(folder.file("v.gif"))
    for i in 1..<gif.frames.count {
      let rect = gif.frames[i].rect
      #expect(
        rect.width * rect.height < Clip.size.width * Clip.size.height / 3, "frame \(i): \(rect)")
    }
  }

  /// Frames past the memory budget are read again instead of held: the same GIF, byte for
  /// byte; reverse, which must hold them, is refused in words.
  @Test func overTheFrameBudgetTheSourceIsReadTwice() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video, frames: 12)
    _ = try MakeGIF.make(inputs: [video], output: folder.file("held.gif"))
    var options = GIFOptions()
    options.frameMemory = 30_000
    _ = try MakeGIF.make(inputs: [video], output: folder.file("twice.gif"), options: options)
    let held = try Data(contentsOf: URL(fileURLWithPath: folder.file("held.gif")))
    let twice = try Data(contentsOf: URL(fileURLWithPath: folder.file("twice.gif")))
    #expect(held == twice)
    options.reverse = true
    #expect {
      _ = try MakeGIF.make(inputs: [video], output: folder.file("r.gif"), options: options)
    } throws: { error in
      guard case GIFMakingError.limitExceeded(let text) = error else { return false }
      return text.contains("reverse holds every frame")
    }
  }
}
