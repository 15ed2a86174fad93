internal import Foundation
internal import GIFCodec
internal import LumenCore

extension MakeGIF {
  /// The settings one encoding uses: the options as given or stepped down for `max_bytes`,
  /// and the sampling rate.
  struct Settings {
    var options: GIFOptions
    var fps: Double?

    /// The next smaller setting, in the stated order: lossy (80, then 200), then colours
    /// (halved down to 64), then fps (¾ down to 5), then width (⅘, down to a tenth).
    func smaller(for kind: SourceReader.Kind) -> (Settings, String)? {
      var next = self
      if let level = [80, 200].first(where: { $0 > options.lossy }) {
        next.options.lossy = level
        return (next, "lossy \(level)")
      }
      if options.colors > 64 {
        next.options.colors = max(64, options.colors / 2)
        return (next, "colors \(next.options.colors)")
      }
      if let fps, fps > 5 {
        let lower = max(5, (fps * 0.75 * 100).rounded() / 100)
        next.fps = lower
        return (next, "fps \(lower)")
      }
      if options.widthScale > 0.12 {
        next.options.widthScale *= 0.8
        return (next, "width ×\(String(format: "%.2f", next.options.widthScale))")
      }
      return nil
    }

    func needsNewFrames(comparedWith other: Settings) -> Bool {
      fps != other.fps || options.widthScale != other.options.widthScale
    }
  }

  /// One way through the frames: read, time, transform (held when they fit), then encode.
  struct Attempt {
    let reader: SourceReader
    var settings: Settings
    let progress: Progress?
    private(set) var outputSize = Size(width: 0, height: 0)
    private(set) var sourcePictures = 0
    private(set) var expectedCentiseconds: Int?
    private(set) var warnings: [String] = []
    private var frames: [(image: RGBAImage, delay: Int)]?
    private var builder: PaletteBuilder?
    /// Evenly spaced frames (at most 32 MB) the palette is refined on, held or not.
    private var sample: [RGBAImage] = []

    init(reader: SourceReader, settings: Settings, progress: Progress?) throws {
      self.reader = reader
      self.settings = settings
      self.progress = progress
      let options = settings.options
      let hold = options.reverse || options.boomerang
      guard options.palette != .perFrame || hold else { return }
      var builder = PaletteBuilder(colors: 256)
      var held: [(image: RGBAImage, delay: Int)]? = []
      var heldBytes = 0
      let budget = options.frameMemory
      var sample: [RGBAImage] = []
      var every = 1
      var seen = 0
      let produced = try Self.produce(reader, settings) { image, delay in
        builder.add(image)
        if seen % every == 0 {
          sample.append(image)
          if sample.count * image.bytes.count > 32 << 20 {
            sample = stride(from: 0, to: sample.count, by: 2).map { sample[$0] }
            every *= 2
          }
        }
        seen += 1
        guard held != nil else { return }
        heldBytes += image.bytes.count
        if heldBytes > budget {
          if hold {
            throw GIFMakingError.limitExceeded(
              "\(options.reverse ? "reverse" : "boomerang") holds every frame, and they pass "
                + "the \(budget >> 20) MB limit; shorten it with duration, or lower fps or width")
          }
          held = nil
          return
        }
        held?.append((image, delay))
      } extend: { extra in
        if let last = held?.indices.last { held?[last].delay += extra }
      }
      self.builder = builder
      self.sample = sample
      outputSize = produced.outputSize
      sourcePictures = produced.sourcePictures
      expectedCentiseconds = produced.centiseconds
      warnings = produced.warnings
      if var frames = held {
        if options.reverse {
          frames.reverse()
        } else if options.boomerang, frames.count > 2 {
          frames += frames[1..<(frames.count - 1)].reversed()
          expectedCentiseconds = frames.reduce(0) { $0 + $1.delay }
        }
        self.frames = frames
      }
    }

    /// Encodes into `path` (replacing what an earlier attempt wrote there).
    mutating func encode(to path: String) throws -> (tally: FrameEncoder.Tally, bytes: Int) {
      let options = settings.options
      var palette: [RGBColor]?
      if let builder, options.palette != .perFrame {
        var colors = builder.palette(count: options.colors)
        if !builder.isExact {
          // One Lloyd step over the real pixels, flat colours kept exact: SSIM +0.03 on
          // testsrc2, +0.005 on the photo clip (a second step cost the terminal clip 0.009).
          colors = PaletteBuilder.refine(colors, frames: sample, iterations: 1)
        }
        palette = colors
      }
      // A video codec's ±1 noise on still parts is not a change; a GIF's or image's pixels
      // are exact. (More tolerance left faint trails of moving text that SSIM punishes:
      // 3 levels cost the terminal clip of the compare script 0.04.)
      let tolerance = reader.kind == .video ? 9 : 0
      var total: Int?
      if let frames { total = frames.count }
      let encoder = FrameEncoder(
        path: path, globalPalette: palette, options: options, tolerance: tolerance)
      if let frames {
        for (index, frame) in frames.enumerated() {
          try Task.checkCancellation()
          try encoder.add(frame.image, delay: frame.delay)
          progress?(index + 1, total)
        }
      } else {
        var done = 0
        let produced = try Self.produce(reader, settings) { image, delay in
          try encoder.add(image, delay: delay)
          done += 1
          progress?(done, nil)
        } extend: { extra in
          try encoder.extend(by: extra)
        }
        outputSize = produced.outputSize
        sourcePictures = produced.sourcePictures
        expectedCentiseconds = produced.centiseconds
        warnings = produced.warnings
      }
      let tally = try encoder.finish()
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      return (tally, (attributes[.size] as? NSNumber)?.intValue ?? 0)
    }

    /// What a run through the source found.
    struct Produced {
      var outputSize: Size
      var sourcePictures: Int
      var centiseconds: Int
      var warnings: [String]
    }

    /// Reads the source through the timeline and the transform, handing each frame on.
    static func produce(
      _ reader: SourceReader, _ settings: Settings,
      frame: (RGBAImage, Int) throws -> Void, extend: (Int) throws -> Void
    ) throws -> Produced {
      let options = settings.options
      let start = options.start ?? 0
      let end = options.end ?? options.duration.map { start + $0 }
      var timeline = FrameTimeline(start: start, end: end, speed: options.speed, fps: settings.fps)
      var transform: FrameTransform?
      var cached: (source: Int, image: RGBAImage)?
      var events: [FrameTimeline.Event] = []
      var pictures = 0
      var frames = 0
      var centiseconds = 0
      func hand(_ events: [FrameTimeline.Event]) throws {
        for event in events {
          switch event {
          case .frame(let source, let image, let delay):
            frames += 1
            if frames > options.limits.maxFrames {
              throw GIFMakingError.limitExceeded(
                "the GIF would have more than \(options.limits.maxFrames) frames; take a "
                  + "shorter part (duration) or lower fps")
            }
            if cached?.source != source {
              if transform == nil {
                transform = try FrameTransform(
                  sourceSize: Size(width: image.width, height: image.height),
                  options: options, prescaled: reader.prescales)
              }
              cached = (source, try transform!.apply(image))
            }
            centiseconds += delay
            try frame(cached!.image, delay)
          case .extend(let extra):
            centiseconds += extra
            try extend(extra)
          }
        }
      }
      let plan = timeline
      let ending = try reader.read(uses: plan.uses(pictureAt:nextAt:)) { image, time in
        pictures += 1
        events.removeAll(keepingCapacity: true)
        let more = timeline.push(image, at: time, &events)
        try hand(events)
        return more
      }
      events.removeAll(keepingCapacity: true)
      timeline.finish(sourceEnd: ending.seconds, &events)
      try hand(events)
      guard let transform, frames > 0 else {
        throw GIFMakingError.noFrames(
          "\(reader.inputs[0]): no frame in the part asked for"
            + (start > 0
              ? " (start \(start) s is at or past the end, \(SourceReader.seconds(ending.seconds)) s)"
              : ""))
      }
      return Produced(
        outputSize: transform.outputSize, sourcePictures: pictures, centiseconds: centiseconds,
        warnings: ending.warnings)
    }
  }
}
