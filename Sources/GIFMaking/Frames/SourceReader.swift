internal import FFmpegIO
internal import Foundation
internal import GIFCodec
internal import ImageIO
internal import LumenCore

/// Reads the inputs of `lumen gif` as opaque RGBA pictures with the source time each one
/// starts at: a video through FFmpeg, a GIF through giflib (canvases as browsers compose
/// them, with browser delays), or still images in order, each shown for a delay.
struct SourceReader {
  /// What the inputs are.
  enum Kind: String, Sendable, Hashable, Codable {
    case video, gif, images
  }

  /// What a read found besides the pictures.
  struct Ending {
    /// Where the last picture ends, in source seconds (the source's length as read).
    var seconds: Double
    /// Damage and partial decodes, in words.
    var warnings: [String]
  }

  let inputs: [String]
  let kind: Kind
  let options: GIFOptions
  /// A video's stream as FFmpeg probed it once (`nil` for GIFs and images).
  let videoInfo: VideoInfo?
  /// Whether the one input is an animated PNG (read as a video, timed by its own delays).
  let isAnimatedPNG: Bool

  /// Whether pictures arrive already at the GIF's size (a video without a crop).
  var prescales: Bool { kind == .video && options.crop == nil }

  /// Classifies the inputs by their bytes; refuses folders, missing files, other kinds and
  /// mixtures; probes a video once.
  init(inputs: [String], options: GIFOptions) throws {
    guard !inputs.isEmpty else { throw GIFMakingError.invalidOption("give at least one input") }
    if inputs.count > options.maxImages {
      throw GIFMakingError.limitExceeded(
        "\(inputs.count) inputs exceed the limit of \(options.maxImages) images in one GIF")
    }
    var kinds: [Kind] = []
    for path in inputs {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw GIFMakingError.inputNotReadable(path: path, reason: "no such file")
      }
      if isFolder.boolValue {
        throw GIFMakingError.inputNotReadable(
          path: path,
          reason: "it is a folder; give the images in it (e.g. \(path)/*.png) or a video")
      }
      guard let fileKind = FileKind.sniff(path: path) else {
        throw GIFMakingError.inputNotReadable(
          path: path, reason: "the file cannot be opened (permission denied?)")
      }
      switch fileKind {
      case .gif: kinds.append(.gif)
      case .png, .jpeg, .webp, .bmp, .tiff: kinds.append(.images)
      case .mp4, .webm, .unknown: kinds.append(.video)
      case .empty:
        throw GIFMakingError.inputNotReadable(path: path, reason: "the file is empty (0 bytes)")
      default: throw GIFMakingError.wrongInputKind(path: path, kind: fileKind)
      }
    }
    if inputs.count == 1 {
      // An animated PNG is read as the animation it is (FFmpeg's APNG reader), at its own
      // frame delays as a GIF is.
      isAnimatedPNG = kinds[0] == .images && ImageFormat.isAnimatedPNG(path: inputs[0])
      kind = isAnimatedPNG ? .video : kinds[0]
    } else if kinds.allSatisfy({ $0 == .images }) {
      isAnimatedPNG = false
      kind = .images
    } else {
      throw GIFMakingError.mixedInputs(
        "several inputs must all be still images (PNG, JPEG, WebP); a video or GIF is given "
          + "alone (found \(Set(kinds.map(\.rawValue)).sorted().joined(separator: ", ")))")
    }
    self.inputs = inputs
    self.options = options
    videoInfo = kind == .video ? try MediaReader(path: inputs[0]).info : nil
  }

  /// Calls `body` with each picture and its start in source seconds, until `body` returns
  /// false. Returns where the last picture ends and what was damaged.
  func read(
    uses: (_ time: Double, _ next: Double?) -> Bool = { _, _ in true },
    _ body: (RGBAImage, Double) throws -> Bool
  ) throws -> Ending {
    switch kind {
    case .video: try readVideo(uses: uses, body)
    case .gif: try readGIF(body)
    case .images: try readImages(body)
    }
  }

  private func readVideo(
    uses: (Double, Double?) -> Bool, _ body: (RGBAImage, Double) throws -> Bool
  ) throws -> Ending {
    let path = inputs[0]
    guard let info = videoInfo else { return Ending(seconds: 0, warnings: []) }
    if let violation = options.limits.violation(width: info.width, height: info.height) {
      throw GIFMakingError.limitExceeded("\(path): \(violation)")
    }
    // Without a crop, pictures are scaled on their way from YUV to RGBA (as ffmpeg's scale
    // filter does before the GIF encoder), which is also the cheaper way.
    var reader = try MediaReader(
      path: path,
      outputSize: prescales
        ? FrameTransform.targetSize(info.shownSize, options: options) : nil)
    let origin = info.startSeconds ?? 0
    let start = options.start ?? 0
    if start > 0 { reader.seek(toSeconds: origin + start) }
    var lastStart: Double?
    var lastDuration = 1 / (info.framesPerSecond ?? 25)
    var frames = 0
    // A picture the timeline would pass over (no sample falls on it) is not converted.
    while let frame = try reader.nextFrame(where: { uses($0 - origin, $1.map { $0 - origin }) }) {
      try Task.checkCancellation()
      frames += 1
      if frames > options.limits.maxFrames {
        throw GIFMakingError.limitExceeded(
          "\(path) has more than \(options.limits.maxFrames) frames; take a part with start "
            + "and duration")
      }
      let time = frame.presentationSeconds - origin
      if let lastStart, time <= lastStart { continue }  // a repeated timestamp
      lastStart = time
      if let duration = frame.durationSeconds { lastDuration = duration }
      if !(try body(Self.opaque(frame.image, options.background), time)) {
        return Ending(seconds: time, warnings: [])
      }
    }
    guard let lastStart else {
      throw GIFMakingError.noFrames(
        start > 0
          ? "\(path): no frame at or after start \(start) s"
            + (info.durationSeconds.map { " (the video lasts \(Self.seconds($0)) s)" } ?? "")
          : "\(path): the video has no frame to decode")
    }
    return Ending(seconds: lastStart + lastDuration, warnings: [])
  }

  private func readGIF(_ body: (RGBAImage, Double) throws -> Bool) throws -> Ending {
    let path = inputs[0]
    var decoder = try GIFDecoder(path: path, limits: options.limits)
    var flattener: FrameFlattener?
    var time = 0.0
    var frames = 0
    while let frame = try decoder.nextFrame() {
      try Task.checkCancellation()
      frames += 1
      if flattener == nil {
        flattener = FrameFlattener(
          background: options.background,
          outputSize: Size(width: frame.image.width, height: frame.image.height))
      }
      let picture = flattener!.flatten(frame.image)
      let start = time
      time += Double(frame.timing.playedCentiseconds) / 100
      if !(try body(picture, start)) { return Ending(seconds: time, warnings: decoder.warnings) }
    }
    guard frames > 0 else {
      throw GIFMakingError.noFrames(
        "\(path): no frame could be decoded" + (decoder.damage.map { " (\($0))" } ?? ""))
    }
    var warnings = decoder.warnings
    if let damage = decoder.damage {
      warnings.append("\(path): \(damage); the GIF holds the \(frames) frames before it")
    }
    return Ending(seconds: time, warnings: warnings)
  }

  private func readImages(_ body: (RGBAImage, Double) throws -> Bool) throws -> Ending {
    let seconds = options.framesPerSecond.map { 1 / $0 } ?? Double(options.delay ?? 10) / 100
    var size: Size?
    var time = 0.0
    var warnings: [String] = []
    for path in inputs {
      try Task.checkCancellation()
      var picture: RGBAImage?
      let info = try ImageSource.read(path: path, frames: .first, limits: options.limits) {
        picture = $0
      }
      warnings += info.warnings.map { "\(path): \($0)" }
      guard var image = picture else {
        throw GIFMakingError.noFrames("\(path): the image has no pixels")
      }
      image = Self.opaque(image, options.background)
      if let size, size.width != image.width || size.height != image.height {
        image = try Self.fit(image, into: size, background: options.background)
      } else if size == nil {
        size = Size(width: image.width, height: image.height)
      }
      let start = time
      time += seconds
      if !(try body(image, start)) { return Ending(seconds: time, warnings: warnings) }
    }
    return Ending(seconds: time, warnings: warnings)
  }

  /// The picture with transparent pixels blended onto the background.
  static func opaque(_ image: RGBAImage, _ background: RGBColor) -> RGBAImage {
    var flattener = FrameFlattener(
      background: background, outputSize: Size(width: image.width, height: image.height))
    return flattener.flatten(image)
  }

  /// An image of another size scaled to fit `size` (aspect kept) and centred on the
  /// background, as the first image sets the GIF's size.
  static func fit(_ image: RGBAImage, into size: Size, background: RGBColor) throws -> RGBAImage {
    let scale = min(
      Double(size.width) / Double(image.width), Double(size.height) / Double(image.height))
    let fitted = Size(
      width: max(1, min(size.width, Int((Double(image.width) * scale).rounded()))),
      height: max(1, min(size.height, Int((Double(image.height) * scale).rounded()))))
    let scaled = try ImageResizer(from: Size(width: image.width, height: image.height), to: fitted)
      .resize(image)
    var bytes = [UInt8](repeating: 255, count: size.width * size.height * 4)
    for i in 0..<(size.width * size.height) {
      bytes[i * 4] = background.red
      bytes[i * 4 + 1] = background.green
      bytes[i * 4 + 2] = background.blue
    }
    let left = (size.width - fitted.width) / 2
    let top = (size.height - fitted.height) / 2
    for y in 0..<fitted.height {
      let from = y * fitted.width * 4
      let to = ((top + y) * size.width + left) * 4
      bytes.replaceSubrange(
        to..<(to + fitted.width * 4), with: scaled.bytes[from..<(from + fitted.width * 4)])
    }
    return RGBAImage(width: size.width, height: size.height, bytes: bytes)
  }

  static func seconds(_ value: Double) -> String {
    String(format: "%.2f", value)
  }
}
