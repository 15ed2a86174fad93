import FFmpegIO
import Foundation
import GIFMaking
import LumenCore
import PNGCodec
import TestSupport
import Testing

/// Inputs beyond MP4 and PNG: a shell pattern for an image sequence, and the other containers
/// and image formats the issue names (made with the `ffmpeg` command when it is installed).
@Suite struct InputKindsTests {
  static let colors = [
    RGBColor(red: 230, green: 40, blue: 40), RGBColor(red: 40, green: 200, blue: 60),
    RGBColor(red: 30, green: 60, blue: 220),
  ]

  static func solidPNG(_ path: String, _ color: RGBColor) throws {
    try PNGFile.write(
      RGBAImage(width: 24, height: 16, fill: RGBAPixel(color)), to: path)
  }

  /// The `ffmpeg` command, or nil (the test is then skipped).
  static let ffmpeg: String? = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  static func runFFmpeg(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ffmpeg!)
    process.arguments = ["-nostdin", "-v", "error", "-y"] + arguments
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "ffmpeg \(arguments.joined(separator: " "))")
  }

  /// `frame-*.png` names the images in the shell's order (frame-1, frame-10, frame-2).
  @Test func aPatternNamesTheImagesInNameOrder() throws {
    let folder = TemporaryDirectory()
    for (name, color) in zip(["frame-2.png", "frame-1.png", "frame-10.png"], Self.colors) {
      try Self.solidPNG(folder.file(name), color)
    }
    var options = GIFOptions()
    options.delay = 20
    let report = try MakeGIF.make(
      inputs: [folder.file("frame-*.png")], output: folder.file("seq.gif"), options: options)
    #expect(
      report.inputs.map { PathName($0).name } == [
        "frame-1.png", "frame-10.png", "frame-2.png",
      ])
    let gif = try DecodedGIF(folder.file("seq.gif"))
    #expect(gif.frames.count == 3)
    // frame-1 is green, frame-10 blue, frame-2 red.
    for (frame, color) in zip(gif.frames, [Self.colors[1], Self.colors[2], Self.colors[0]]) {
      #expect(frame.image[5, 5] == RGBAPixel(color))
    }
  }

  @Test func aPatternThatMatchesNothingIsRefusedInWords() throws {
    let folder = TemporaryDirectory()
    #expect {
      try MakeGIF.make(inputs: [folder.file("shot-*.png")], output: folder.file("x.gif"))
    } throws: { error in
      (error as? GIFMakingError)?.description.contains("no file matches this pattern") == true
    }
    #expect(folder.contents().isEmpty)
  }

  @Test func aPatternPastTheImageLimitIsRefusedBeforeReading() throws {
    let folder = TemporaryDirectory()
    for i in 0..<5 { _ = folder.write([0], to: "p\(i).png") }
    var options = GIFOptions()
    options.maxImages = 3
    #expect {
      try MakeGIF.make(
        inputs: [folder.file("p*.png")], output: folder.file("x.gif"), options: options)
    } throws: { error in
      (error as? GIFMakingError)?.description.contains("matches more than 3 files") == true
    }
  }

  /// MOV, MKV (the MP4's stream copied) and AVI (MPEG-4 part 2) are read like the MP4.
  @Test(arguments: [
    ("mov", ["-c", "copy"]), ("mkv", ["-c", "copy"]), ("avi", ["-c:v", "mpeg4", "-q:v", "2"]),
  ])
  func otherContainers(container: String, codec: [String]) throws {
    guard Self.ffmpeg != nil else { return }
    let folder = TemporaryDirectory()
    try Clip.video(folder.file("clip.mp4"))
    try Self.runFFmpeg(
      ["-i", folder.file("clip.mp4")] + codec + [folder.file("clip.\(container)")])
    let report = try MakeGIF.make(
      inputs: [folder.file("clip.\(container)")], output: folder.file("clip.gif"))
    #expect(report.inputKind == "video")
    #expect(report.framesOut == 25)
    #expect(report.delays.reduce(0, +) == 100)
    let gif = try DecodedGIF(folder.file("clip.gif"))
    #expect(ssim(gif.frames[12].image, Clip.picture(12)) > 0.8)
  }

  /// WebP stills (lossless) in order.
  @Test func webPImages() throws {
    guard Self.ffmpeg != nil else { return }
    let folder = TemporaryDirectory()
    var names: [String] = []
    for (i, color) in Self.colors.enumerated() {
      try Self.solidPNG(folder.file("s\(i).png"), color)
      try Self.runFFmpeg([
        "-i", folder.file("s\(i).png"), "-c:v", "libwebp", "-lossless", "1",
        folder.file("s\(i).webp"),
      ])
      names.append(folder.file("s\(i).webp"))
    }
    let report = try MakeGIF.make(inputs: names, output: folder.file("webp.gif"))
    #expect(report.inputKind == "images" && report.framesOut == 3)
    let gif = try DecodedGIF(folder.file("webp.gif"))
    for (frame, color) in zip(gif.frames, Self.colors) {
      let pixel = frame.image[12, 8]
      #expect(
        abs(Int(pixel.red) - Int(color.red)) <= 2 && abs(Int(pixel.blue) - Int(color.blue)) <= 2)
    }
  }

  /// A phone's portrait clip is stored landscape with a rotation: the GIF is shown upright, as
  /// the `ffmpeg` command shows it (its autorotate), for each quarter turn.
  @Test(arguments: [90, 180, 270])
  func aRotatedPhoneClipIsShownUpright(degrees: Int) throws {
    guard Self.ffmpeg != nil else { return }
    let folder = TemporaryDirectory()
    try Clip.video(folder.file("clip.mp4"))
    let rotated = folder.file("rotated.mp4")
    try Self.runFFmpeg([
      "-i", folder.file("clip.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=\(degrees)", rotated,
    ])
    let report = try MakeGIF.make(inputs: [rotated], output: folder.file("r.gif"))
    let turns = degrees != 180
    #expect(report.width == (turns ? Clip.size.height : Clip.size.width))
    #expect(report.height == (turns ? Clip.size.width : Clip.size.height))
    // ffmpeg's own upright picture of frame 12.
    let reference = folder.file("ref.png")
    try Self.runFFmpeg([
      "-i", rotated, "-vf", "select=eq(n\\,12)", "-frames:v", "1", reference,
    ])
    let upright = try PNGFile.read(path: reference)
    let gif = try DecodedGIF(folder.file("r.gif"))
    #expect(ssim(gif.frames[12].image, upright) > 0.85)
    // The picture as stored (not turned) does not pass for it.
    if degrees == 180 { #expect(ssim(gif.frames[12].image, Clip.picture(12)) < 0.6) }
  }

  /// An animated PNG is read as its animation, at its own delays (as a GIF is).
  @Test func anAnimatedPNGKeepsItsFrames() throws {
    guard Self.ffmpeg != nil else { return }
    let folder = TemporaryDirectory()
    try Clip.video(folder.file("clip.mp4"))  // 1 s
    let png = folder.file("anim.png")
    try Self.runFFmpeg([
      "-i", folder.file("clip.mp4"), "-r", "10", "-frames:v", "10", "-plays", "0", "-f", "apng",
      png,
    ])
    let report = try MakeGIF.make(inputs: [png], output: folder.file("a.gif"))
    #expect(report.framesOut == 10)
    #expect(report.delays == Array(repeating: 10, count: 10))
    let gif = try DecodedGIF(folder.file("a.gif"))
    #expect(ssim(gif.frames[6].image, Clip.picture(Int((6.0 / 10 * 25).rounded(.down)))) > 0.8)
  }
}
