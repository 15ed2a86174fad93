import FFmpegIO
import Foundation
import LumenCore
import TestSupport
import Testing

func solid(_ color: RGBColor, _ size: Size) -> RGBAImage {
  RGBAImage(width: size.width, height: size.height, fill: RGBAPixel(color))
}

func readAll(_ path: String) throws -> (info: VideoInfo, frames: [DecodedFrame]) {
  var reader = try MediaReader(path: path)
  var frames: [DecodedFrame] = []
  while let frame = try reader.nextFrame() { frames.append(frame) }
  return (reader.info, frames)
}

@Suite struct VideoWriterTests {
  let size = Size(width: 64, height: 48)
  let colors = [
    RGBColor(red: 220, green: 30, blue: 30), RGBColor(red: 30, green: 200, blue: 40),
    RGBColor(red: 20, green: 40, blue: 210), RGBColor(red: 240, green: 240, blue: 240),
  ]

  func write(_ settings: VideoSettings, times: [Int64], end: Int64, to path: String) throws {
    var writer = try VideoWriter(path: path, settings: settings)
    for (i, time) in times.enumerated() {
      try writer.append(solid(colors[i % colors.count], size), presentationTime: time)
    }
    try writer.finish(endTime: end)
  }

  @Test func writesVariableFrameTimesAndAnExactEnd() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("vfr.mp4")
    let times: [Int64] = [0, 7, 30, 31, 90]
    try write(VideoSettings(inputSize: size), times: times, end: 250, to: path)
    let (info, frames) = try readAll(path)
    #expect(frames.count == 5)
    #expect(frames.map { Int(($0.presentationSeconds * 100).rounded()) } == [0, 7, 30, 31, 90])
    #expect(abs((info.durationSeconds ?? 0) - 2.5) < 0.001)
    #expect(info.codecName == "h264")
    #expect(info.profileName == "High")
    #expect(info.pixelFormatName == "yuv420p")
    #expect(info.width == 64 && info.height == 48)
    // SD: BT.601 matrix (as players assume for SD), BT.709 (sRGB) primaries and transfer.
    #expect(
      [info.colorPrimaries, info.colorTransfer, info.colorSpace, info.colorRange] == [
        "bt709", "bt709", "smpte170m", "tv",
      ])
    for (i, frame) in frames.enumerated() {
      let expected = solid(colors[i % colors.count], size)
      #expect(ImageComparison.meanAbsoluteError(frame.image, expected) < 4)
    }
  }

  @Test func tagsHDWithTheBT709Matrix() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("hd.mp4")
    let hd = Size(width: 1280, height: 720)
    var writer = try VideoWriter(
      path: path, settings: VideoSettings(preset: "ultrafast", inputSize: hd))
    try writer.append(solid(colors[0], hd), presentationTime: 0)
    try writer.finish(endTime: 10)
    let (info, frames) = try readAll(path)
    #expect(info.colorSpace == "bt709")
    #expect(ImageComparison.meanAbsoluteError(frames[0].image, solid(colors[0], hd)) < 4)
  }

  @Test func putsTheIndexBeforeTheMediaData() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("fast.mp4")
    try write(VideoSettings(inputSize: size), times: [0, 10], end: 20, to: path)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let moov = try #require(bytes.range(of: Data("moov".utf8)))
    let mdat = try #require(bytes.range(of: Data("mdat".utf8)))
    #expect(moov.lowerBound < mdat.lowerBound)
  }

  @Test(arguments: [
    (VideoCodec.hevc, VideoContainer.mp4, "hevc"), (.vp9, .webm, "vp9"), (.av1, .webm, "av1"),
    (.vp9, .mp4, "vp9"),
  ])
  func encodesOtherCodecs(codec: VideoCodec, container: VideoContainer, name: String) throws {
    let folder = TemporaryDirectory()
    let path = folder.file("out.\(container.rawValue)")
    let settings = VideoSettings(
      codec: codec, container: container, preset: "ultrafast", inputSize: size,
      outputSize: Size(width: 64, height: 64))
    try write(settings, times: [0, 10, 25], end: 40, to: path)
    let (info, frames) = try readAll(path)
    #expect(info.codecName == name)
    #expect(frames.count == 3)
    #expect(abs((info.durationSeconds ?? 0) - 0.4) < 0.011)
    #expect(ImageComparison.meanAbsoluteError(frames[0].image, solid(colors[0], size)) < 6)
  }

  @Test func tagsHEVCAsHvc1ForApplePlayers() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("hevc.mp4")
    try write(
      VideoSettings(codec: .hevc, preset: "ultrafast", inputSize: size), times: [0], end: 10,
      to: path)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.range(of: Data("hvc1".utf8)) != nil)
    // A one-frame HEVC stream once came out of libx265 with a garbage DTS; it must still play.
    let (info, frames) = try readAll(path)
    #expect(frames.count == 1)
    #expect(abs((info.durationSeconds ?? 0) - 0.1) < 0.001)
  }

  @Test func scalesToTheOutputSize() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("scaled.mp4")
    let settings = VideoSettings(inputSize: size, outputSize: Size(width: 32, height: 24))
    try write(settings, times: [0], end: 10, to: path)
    let (info, frames) = try readAll(path)
    #expect(info.width == 32 && info.height == 24)
    #expect(
      ImageComparison.meanAbsoluteError(
        frames[0].image, solid(colors[0], Size(width: 32, height: 24))) < 4)
  }

  @Test func refusesOddSizesWithAClearError() {
    let folder = TemporaryDirectory()
    #expect {
      _ = try VideoWriter(
        path: folder.file("odd.mp4"), settings: VideoSettings(inputSize: Size(width: 3, height: 1)))
    } throws: { "\($0)".contains("even") }
  }

  @Test func namesTheFunctionWhenAFileCannotBeOpened() {
    #expect {
      _ = try MediaReader(path: "/nonexistent/in.mp4")
    } throws: { ($0 as? FFmpegError)?.function == "avformat_open_input" }
  }
}

@Suite struct ColorConversionTests {
  /// Writes near-lossless (CRF 0 is lossless in x264) and reads back through FFmpeg's BT.709
  /// YUV→RGB: the colours must come back, which checks the matrix, range and tags together.
  @Test(
    arguments: [YUVMatrix.bt601, .bt709],
    [
      RGBColor(red: 255, green: 255, blue: 255), RGBColor(red: 0, green: 0, blue: 0),
      RGBColor(red: 255, green: 0, blue: 0), RGBColor(red: 0, green: 255, blue: 0),
      RGBColor(red: 0, green: 0, blue: 255), RGBColor(red: 128, green: 128, blue: 128),
      RGBColor(red: 200, green: 120, blue: 40),
    ])
  func roundTripsColours(matrix: YUVMatrix, color: RGBColor) throws {
    let folder = TemporaryDirectory()
    let path = folder.file("c.mp4")
    let size = Size(width: 16, height: 16)
    var writer = try VideoWriter(
      path: path, settings: VideoSettings(crf: 0, inputSize: size, matrix: matrix))
    try writer.append(solid(color, size), presentationTime: 0)
    try writer.finish(endTime: 10)
    let (info, frames) = try readAll(path)
    #expect(info.colorSpace == (matrix == .bt709 ? "bt709" : "smpte170m"))
    let pixel = frames[0].image[8, 8]
    #expect(abs(Int(pixel.red) - Int(color.red)) <= 2)
    #expect(abs(Int(pixel.green) - Int(color.green)) <= 2)
    #expect(abs(Int(pixel.blue) - Int(color.blue)) <= 2)
  }
}
