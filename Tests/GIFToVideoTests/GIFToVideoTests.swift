import FFmpegIO
import Foundation
import GIFCodec
import GIFToVideo
import LumenCore
import TestSupport
import Testing

func readVideo(_ path: String) throws -> (info: VideoInfo, frames: [DecodedFrame]) {
  var reader = try MediaReader(path: path)
  var frames: [DecodedFrame] = []
  while let frame = try reader.nextFrame() { frames.append(frame) }
  return (reader.info, frames)
}

func centiseconds(_ seconds: Double?) -> Int { Int(((seconds ?? -1) * 100).rounded()) }

@Suite struct GIFToVideoTimingTests {
  @Test func keepsBrowserTimingFrameByFrame() throws {
    let folder = TemporaryDirectory()
    let output = folder.file("mixed.mp4")
    let report = try GIFToVideo.convert(
      input: Fixtures.path("delays-mixed-101x75.gif"), output: output)
    let (info, frames) = try readVideo(output)
    #expect(frames.map { centiseconds($0.presentationSeconds) } == [0, 10, 20, 22, 25, 30, 40, 90])
    #expect(centiseconds(info.durationSeconds) == 190)
    #expect(report.gifDurationSeconds == 1.9)
    #expect(centiseconds(report.outputDurationSeconds) == 190)
    #expect(report.framesFound == 8 && report.framesDecoded == 8 && report.framesEncoded == 8)
    #expect(report.warnings.contains { $0.contains("2 frames had 0 or 1 cs delays") })
    #expect(report.warnings.contains("padded 101×75 to 102×76 with the edge pixels"))
  }

  @Test func keepsTheLastFramesDelay() throws {
    let folder = TemporaryDirectory()
    let output = folder.file("two.mp4")
    _ = try GIFToVideo.convert(
      input: Fixtures.path("sdwebimage__TestLoopCount.gif"), output: output)
    let (info, frames) = try readVideo(output)
    #expect(frames.count == 2)
    #expect(centiseconds(info.durationSeconds) == 100)
  }

  @Test func mergesIdenticalNeighboursUnlessAsked() throws {
    var gif = GIFBuilder(width: 2, height: 2, globalPalette: [.black, .white])
    let full = PixelRect(x: 0, y: 0, width: 2, height: 2)
    gif.frames = [
      .init(rect: full, indices: [0, 0, 0, 0], delayCentiseconds: 20),
      .init(rect: full, indices: [0, 0, 0, 0], delayCentiseconds: 30),
      .init(rect: full, indices: [1, 1, 1, 1], delayCentiseconds: 40),
    ]
    let folder = TemporaryDirectory()
    let input = folder.write(gif.bytes(), to: "dups.gif")
    let merged = try GIFToVideo.convert(input: input, output: folder.file("merged.mp4"))
    let (info, frames) = try readVideo(folder.file("merged.mp4"))
    #expect(merged.framesEncoded == 2)
    #expect(frames.map { centiseconds($0.presentationSeconds) } == [0, 50])
    #expect(centiseconds(info.durationSeconds) == 90)

    var options = GIFToVideoOptions()
    options.keepDuplicateFrames = true
    let kept = try GIFToVideo.convert(
      input: input, output: folder.file("kept.mp4"), options: options)
    #expect(kept.framesEncoded == 3)
    #expect(
      try readVideo(folder.file("kept.mp4")).frames.map { centiseconds($0.presentationSeconds) }
        == [0, 20, 50])
  }

  @Test func repeatsTheAnimationForLoop() throws {
    var options = GIFToVideoOptions()
    options.plays = 3
    let folder = TemporaryDirectory()
    let output = folder.file("loop.mp4")
    let report = try GIFToVideo.convert(
      input: Fixtures.path("sdwebimage__TestLoopCount.gif"), output: output, options: options)
    let (info, frames) = try readVideo(output)
    #expect(frames.count == 6)
    #expect(centiseconds(info.durationSeconds) == 300)
    #expect(report.plays == 3)
  }

  @Test func resamplesToAConstantRateOnlyWhenAsked() throws {
    var options = GIFToVideoOptions()
    options.framesPerSecond = 25
    let folder = TemporaryDirectory()
    let output = folder.file("cfr.mp4")
    _ = try GIFToVideo.convert(
      input: Fixtures.path("delays-mixed-101x75.gif"), output: output, options: options)
    let (info, frames) = try readVideo(output)
    // 1.9 s at 25 fps: ticks 0…47 (0.04 s apart), the last frame shown until 1.92 s.
    #expect(frames.count == 48)
    #expect(
      zip(frames.dropFirst(), frames).allSatisfy {
        abs($0.presentationSeconds - $1.presentationSeconds - 0.04) < 0.001
      })
    #expect(abs((info.durationSeconds ?? 0) - 1.92) < 0.001)
  }
}

@Suite struct GIFToVideoPictureTests {
  /// The GIF frames as the converter flattens them, decoded independently of the video.
  func flattenedFrames(_ path: String, background: RGBColor = .white) throws -> [RGBAImage] {
    var decoder = try GIFDecoder(path: path)
    var frames: [RGBAImage] = []
    while let frame = try decoder.nextFrame() {
      var flattener = FrameFlattener(
        background: background, outputSize: decoder.screenSize.roundedUpToEven)
      frames.append(flattener.flatten(frame.image))
    }
    return frames
  }

  @Test func videoFramesMatchTheGIFFrames() throws {
    let folder = TemporaryDirectory()
    let output = folder.file("demo.mp4")
    var options = GIFToVideoOptions()
    options.crf = 12
    options.keepDuplicateFrames = true
    _ = try GIFToVideo.convert(input: Fixtures.path("demo.gif"), output: output, options: options)
    let expected = try flattenedFrames(Fixtures.path("demo.gif"))
    let frames = try readVideo(output).frames
    #expect(frames.count == expected.count)
    for (frame, gif) in zip(frames, expected) {
      #expect(ImageComparison.meanAbsoluteError(frame.image, gif) < 6)
    }
  }

  @Test func padsOddSizesWithEdgePixels() throws {
    let folder = TemporaryDirectory()
    let output = folder.file("cogs.mp4")
    var options = GIFToVideoOptions()
    options.crf = 0
    _ = try GIFToVideo.convert(
      input: Fixtures.path("vips__cogs.gif"), output: output, options: options)
    let (info, frames) = try readVideo(output)
    #expect(info.width == 86 && info.height == 78)
    let first = frames[0].image
    var differences = 0
    for y in 0..<77 where first[85, y] != first[84, y] { differences += 1 }
    #expect(differences <= 8)  // 4:2:0 chroma may blur a few edge pixels
  }

  @Test func flattensTransparencyOnTheChosenBackground() throws {
    var gif = GIFBuilder(
      width: 4, height: 2, globalPalette: [RGBColor(red: 0, green: 0, blue: 255)])
    gif.frames = [
      .init(
        rect: .init(x: 0, y: 0, width: 4, height: 2), indices: [0, 0, 5, 5, 0, 0, 5, 5],
        transparentIndex: 5)
    ]
    let folder = TemporaryDirectory()
    let input = folder.write(gif.bytes(), to: "t.gif")
    var options = GIFToVideoOptions()
    options.background = RGBColor(red: 0, green: 255, blue: 0)
    options.crf = 0
    let report = try GIFToVideo.convert(
      input: input, output: folder.file("t.mp4"), options: options)
    #expect(report.background == "#00ff00")
    #expect(report.warnings.contains("transparency flattened on #00ff00"))
    let image = try readVideo(folder.file("t.mp4")).frames[0].image
    #expect(image[3, 1].green > 200 && image[3, 1].blue < 60)
    #expect(image[0, 0].blue > 200 && image[0, 0].green < 60)
  }

  @Test func handlesOnePixelSides() throws {
    let folder = TemporaryDirectory()
    let report = try GIFToVideo.convert(
      input: Fixtures.path("pillow__transparent_dispose.gif"), output: folder.file("thin.mp4"))
    #expect(report.outputWidth == 4 && report.outputHeight == 2)
    #expect(centiseconds(report.outputDurationSeconds) == 110)
  }

  @Test func scalesWhenAsked() throws {
    let folder = TemporaryDirectory()
    var options = GIFToVideoOptions()
    options.maxWidth = 80
    let report = try GIFToVideo.convert(
      input: Fixtures.path("demo.gif"), output: folder.file("s.mp4"), options: options)
    #expect(report.outputWidth == 80 && report.outputHeight == 46)
    options.maxWidth = nil
    options.scale = Size(width: 101, height: 51)
    let scaled = try GIFToVideo.convert(
      input: Fixtures.path("demo.gif"), output: folder.file("s2.mp4"), options: options)
    #expect(try readVideo(folder.file("s2.mp4")).info.width == 102)
    #expect(scaled.outputHeight == 52)
  }

  @Test(arguments: [(VideoCodec.vp9, "webm", "vp9"), (.av1, "webm", "av1"), (.hevc, "mp4", "hevc")])
  func writesOtherCodecsAndContainers(codec: VideoCodec, ext: String, name: String) throws {
    let folder = TemporaryDirectory()
    var options = GIFToVideoOptions()
    options.codec = codec
    options.preset = .ultrafast
    let output = folder.file("out.\(ext)")
    _ = try GIFToVideo.convert(
      input: Fixtures.path("delays-mixed-101x75.gif"), output: output, options: options)
    let (info, frames) = try readVideo(output)
    #expect(info.codecName == name)
    #expect(frames.count == 8)
    #expect(centiseconds(info.durationSeconds) == 190)
  }
}

@Suite struct GIFToVideoFailureTests {
  @Test func refusesH264InWebM() {
    let folder = TemporaryDirectory()
    var options = GIFToVideoOptions()
    options.codec = .h264
    #expect(throws: ConversionError.unsupportedContainer(codec: "h264", container: "webm")) {
      _ = try GIFToVideo.convert(
        input: Fixtures.path("demo.gif"), output: folder.file("x.webm"), options: options)
    }
    #expect(folder.contents().isEmpty)
  }

  @Test func settlesTheCodecAndTheDefaultNameFromTheOutput() {
    let options = GIFToVideoOptions()
    #expect(options.settled(forOutput: "a/x.webm").codec == .vp9)
    #expect(options.settled(forOutput: "a/x.mp4").codec == .h264)
    #expect(options.settled(forOutput: nil).resolvedCodec == .h264)
    #expect(options.defaultOutput(for: "clips/cat.gif") == "clips/cat.mp4")
    var av1 = options
    av1.codec = .av1
    #expect(av1.defaultOutput(for: "cat.gif") == "cat.webm")
    #expect(av1.settled(forOutput: "x.mp4").codec == .av1)
  }

  @Test func failsCleanlyWhenNoFrameDecodes() throws {
    let folder = TemporaryDirectory()
    let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path("demo.gif")))
    let input = folder.write(Array(bytes.prefix(900)), to: "cut.gif")
    let output = folder.file("cut.mp4")
    #expect {
      _ = try GIFToVideo.convert(input: input, output: output)
    } throws: { error in
      guard case .noFramesDecoded(let why) = error as? ConversionError else { return false }
      return why.contains("frame 1") && why.contains("0 of 1 frame decoded")
    }
    #expect(folder.contents() == ["cut.gif"])
  }

  @Test func convertsADamagedFileUpToTheDamageAndSaysSo() throws {
    let folder = TemporaryDirectory()
    let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path("demo.gif")))
    let input = folder.write(Array(bytes.prefix(bytes.count * 6 / 10)), to: "cut.gif")
    let report = try GIFToVideo.convert(input: input, output: folder.file("cut.mp4"))
    #expect(report.framesDecoded > 0 && report.framesDecoded < 24)
    #expect(
      report.warnings.contains { $0.hasPrefix("damaged file: decoded \(report.framesDecoded) of ") }
    )
    #expect(
      centiseconds(try readVideo(folder.file("cut.mp4")).info.durationSeconds) == report
        .framesDecoded * 10)
  }

  @Test func refusesADecompressionBombBeforeWriting() {
    let folder = TemporaryDirectory()
    #expect {
      _ = try GIFToVideo.convert(
        input: Fixtures.path("imagegif__issue-101-infinite-empty-loop.gif"),
        output: folder.file("bomb.mp4"))
    } throws: { ($0 as? GIFError)?.code == .limitExceeded }
    #expect(folder.contents().isEmpty)
  }

  @Test func reportsMissingInputsAndFolders() {
    let folder = TemporaryDirectory()
    #expect(throws: ConversionError.self) {
      _ = try GIFToVideo.convert(input: folder.file("missing.gif"), output: folder.file("x.mp4"))
    }
    #expect {
      _ = try GIFToVideo.convert(
        input: Fixtures.path("demo.gif"), output: folder.file("no/such/folder/x.mp4"))
    } throws: { "\($0)".contains("does not exist") }
  }

  @Test func replacesAnExistingOutputOnlyWhenAskedAndOnSuccess() throws {
    let folder = TemporaryDirectory()
    let output = folder.write(Array("old".utf8), to: "x.mp4")
    let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path("demo.gif")))
    let broken = folder.write(Array(bytes.prefix(900)), to: "cut.gif")
    let refused = #expect(throws: OutputFile.Failure.self) {
      _ = try GIFToVideo.convert(input: Fixtures.path("demo.gif"), output: output)
    }
    #expect(refused?.kind == .exists)
    var overwrite = GIFToVideoOptions()
    overwrite.overwrite = true
    #expect(throws: ConversionError.self) {
      _ = try GIFToVideo.convert(input: broken, output: output, options: overwrite)
    }
    #expect(FileManager.default.contents(atPath: output) == Data("old".utf8))
    _ = try GIFToVideo.convert(input: Fixtures.path("demo.gif"), output: output, options: overwrite)
    #expect(try readVideo(output).info.codecName == "h264")
    #expect(folder.contents() == ["cut.gif", "x.mp4"])
  }

  @Test(arguments: ["crf", "max_width", "plays", "fps", "scale+maxWidth"])
  func rejectsBadOptions(option: String) {
    var options = GIFToVideoOptions()
    switch option {
    case "crf": options.crf = 52
    case "max_width": options.maxWidth = 1
    case "plays": options.plays = 0
    case "fps": options.framesPerSecond = 0
    default:
      options.scale = Size(width: 10, height: 10)
      options.maxWidth = 8
    }
    #expect(throws: ConversionError.self) { try options.validate() }
  }

  @Test func honoursCancellation() async throws {
    let folder = TemporaryDirectory()
    let output = folder.file("cancelled.mp4")
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try GIFToVideo.convert(input: Fixtures.path("demo.gif"), output: output)
    }
    await #expect(throws: CancellationError.self) { _ = try await task.value }
    #expect(folder.contents().isEmpty)
  }
}
