internal import FFmpegIO
internal import GIFCodec
internal import LumenCore

extension GIFToVideo {
  /// One conversion in progress: streams frames from the decoder through the flattener into
  /// the writer; frames the decoder reports as unchanged extend the previous frame.
  struct Job: ~Copyable {
    let input: String
    let options: GIFToVideoOptions
    let framesFound: Int
    let progress: Progress?
    let screen: Size
    private var metadata: GIFMetadata
    private var writer: VideoWriter
    private var decoder: GIFDecoder
    private var flattener: FrameFlattener
    private var pending: GIFFrame?
    private var firstDecoderWarnings: [String] = []
    private var damage: GIFError?
    private var framesDecoded = 0
    private var framesFoundByDecoder = 0
    private var framesDone = 0
    private var clampedDelays = 0
    private var playCentiseconds = 0
    private var clock: Int64 = 0
    private var framesEncoded = 0
    private var framesMerged = 0
    private var sizeNotes: [String] = []

    init(
      input: String, temporaryPath: String, container: VideoContainer,
      options: GIFToVideoOptions, framesFound: Int, progress: Progress?
    ) throws {
      // The first frame is decoded here: a degenerate screen takes its size from it, and a file
      // with no decodable frame fails before any output exists.
      var decoder = try GIFDecoder(path: input, limits: options.limits)
      guard let first = try decoder.nextFrame() else {
        let found = max(framesFound, decoder.framesFound)
        let why =
          decoder.damage.map { "\($0) (0 of \(counted(found, "frame")) decoded)" }
          ?? "the file has no frames"
        throw ConversionError.noFramesDecoded(why)
      }
      let screen = decoder.screenSize
      let (inputSize, outputSize, notes) = Self.sizes(screen: screen, options: options)
      let settings = VideoSettings(
        codec: options.resolvedCodec, container: container, crf: options.crf,
        preset: options.preset.rawValue,
        inputSize: inputSize, outputSize: outputSize,
        timeBase: options.framesPerSecond.map { Rational(1, $0) } ?? .centisecond,
        threads: options.threads, matrix: options.matrix)
      let metadata = decoder.metadata
      let writer = try VideoWriter(path: temporaryPath, settings: settings)
      self.writer = writer
      self.decoder = decoder
      self.metadata = metadata
      self.flattener = FrameFlattener(background: options.background, outputSize: inputSize)
      self.input = input
      self.options = options
      self.framesFound = framesFound
      self.progress = progress
      self.screen = screen
      self.sizeNotes = notes
      self.pending = first
    }

    /// Encodes the first play, then the others (each re-decodes the file, so nothing but the
    /// current canvas is held in memory).
    mutating func run() throws {
      if let first = pending {
        pending = nil
        try encode(first, firstPlay: true)
      }
      while let frame = try decoder.nextFrame() {
        try encode(frame, firstPlay: true)
      }
      damage = decoder.damage
      firstDecoderWarnings = decoder.warnings
      metadata = decoder.metadata
      framesFoundByDecoder = decoder.framesFound
      for _ in 1..<options.plays {
        decoder = try GIFDecoder(path: input, limits: options.limits)
        while let frame = try decoder.nextFrame() {
          try encode(frame, firstPlay: false)
        }
      }
    }

    consuming func finish() throws -> GIFToVideoReport {
      let settings = writer.settings
      try writer.finish(endTime: endTime)
      var warnings = sizeNotes
      if clampedDelays > 0 {
        warnings.append(
          "\(clampedDelays) frame\(clampedDelays == 1 ? "" : "s") had 0 or 1 cs delays "
            + "(or none), played as 10 cs as browsers do")
      }
      if flattener.sawTransparency {
        warnings.append("transparency flattened on \(options.background.hex)")
      }
      if framesMerged > 0 {
        warnings.append(
          framesMerged == 1
            ? "1 identical consecutive frame merged into a longer frame"
            : "\(framesMerged) identical consecutive frames merged into longer frames")
      }
      warnings += firstDecoderWarnings
      let found = max(framesFound, framesFoundByDecoder)
      if let damage {
        warnings.append(
          "damaged file: decoded \(framesDecoded) of \(counted(found, "frame")); stopped at \(damage)"
        )
      }
      return GIFToVideoReport(
        input: input, inputBytes: 0, width: screen.width, height: screen.height,
        framesFound: found, framesDecoded: framesDecoded,
        framesEncoded: framesEncoded, gifLoopCount: metadata.loopCount,
        gifDurationSeconds: Double(playCentiseconds) / 100, plays: options.plays,
        outputDurationSeconds: 0, output: "", outputBytes: 0,
        outputWidth: settings.outputSize.width, outputHeight: settings.outputSize.height,
        codec: settings.codec.rawValue, encoder: settings.codec.encoderName,
        container: settings.container.rawValue, pixelFormat: settings.pixelFormatName,
        colorTags: settings.colorDescription, crf: settings.effectiveCRF,
        preset: settings.preset, background: options.background.hex,
        framesPerSecond: options.framesPerSecond, comments: metadata.comments,
        warnings: warnings)
    }

    // MARK: - Frames

    private mutating func encode(_ frame: GIFFrame, firstPlay: Bool) throws {
      if Task.isCancelled { throw CancellationError() }
      let delay = frame.timing.playedCentiseconds
      if firstPlay {
        framesDecoded += 1
        playCentiseconds += delay
        if frame.timing.isClamped { clampedDelays += 1 }
      }
      let start = clock
      clock += Int64(delay)
      if options.framesPerSecond == nil, !options.keepDuplicateFrames, frame.isIdenticalToPrevious {
        framesMerged += 1
        framesDone += 1
        progress?(framesDone, framesFound * options.plays)
        return
      }
      let picture = flattener.flatten(frame.image)
      if let fps = options.framesPerSecond {
        // Constant rate: every tick k with k/fps s inside [start, end) shows this frame.
        let first = Self.ceilDiv(start * Int64(fps), 100)
        let end = Self.ceilDiv(clock * Int64(fps), 100)
        if first < end {
          for tick in first..<end {
            try writer.append(picture, presentationTime: tick)
            framesEncoded += 1
          }
        }
      } else {
        try writer.append(picture, presentationTime: start)
        framesEncoded += 1
      }
      framesDone += 1
      progress?(framesDone, framesFound * options.plays)
    }

    private var endTime: Int64 {
      if let fps = options.framesPerSecond { return Self.ceilDiv(clock * Int64(fps), 100) }
      return clock
    }

    // MARK: - Helpers

    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { (a + b - 1) / b }

    /// The flattener's picture size, the encoded size, and notes about padding or scaling.
    static func sizes(screen: Size, options: GIFToVideoOptions) -> (Size, Size, [String]) {
      if let scale = options.scale {
        let minimum = options.resolvedCodec.minimumSize
        let rounded = scale.roundedUpToEven
        let even = Size(
          width: max(rounded.width, minimum.width), height: max(rounded.height, minimum.height))
        let note =
          even == scale
          ? "scaled \(screen) to \(even)"
          : "scaled \(screen) to \(even) (sides rounded up to even or the codec's minimum)"
        return (screen, even, [note])
      }
      if let maxWidth = options.maxWidth, screen.width > maxWidth {
        let minimum = options.resolvedCodec.minimumSize
        let width = max(minimum.width, maxWidth & ~1)
        let height = max(
          minimum.height,
          Int((Double(screen.height) * Double(width) / Double(screen.width) / 2).rounded()) * 2)
        let target = Size(width: width, height: height)
        return (screen, target, ["scaled \(screen) to \(target) (--max-width \(maxWidth))"])
      }
      let minimum = options.resolvedCodec.minimumSize
      let even = screen.roundedUpToEven
      let padded = Size(
        width: max(even.width, minimum.width), height: max(even.height, minimum.height))
      let notes = padded == screen ? [] : ["padded \(screen) to \(padded) with the edge pixels"]
      return (padded, padded, notes)
    }
  }
}
