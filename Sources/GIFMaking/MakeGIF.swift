internal import Foundation
public import LumenCore

/// Makes an animated GIF from a video, a GIF or still images: the part and timing asked for,
/// cropped and scaled (Lanczos), quantized with a palette in OKLab and dithering that stays
/// still where the source does, each frame stored as the rectangle that changed.
///
/// ```swift
/// var options = GIFOptions()
/// options.framesPerSecond = 15
/// options.width = 480
/// let report = try MakeGIF.make(inputs: ["clip.mp4"], output: "clip.gif", options: options)
/// print(report.summary)
/// ```
///
/// Frames stream from the decoder; a global palette needs a first look at every frame, so
/// frames are held (up to ``GIFOptions/frameMemory``) or decoded twice. The GIF is written to a
/// temporary file beside the output and renamed at the end.
public enum MakeGIF {
  /// Progress: frames done, and the frames expected when known.
  public typealias Progress = @Sendable (_ framesDone: Int, _ framesTotal: Int?) -> Void

  /// Makes `output` from `inputs`.
  ///
  /// - Throws: ``GIFMakingError``, the readers' and codecs' errors, `OutputFile.Failure`, and
  ///   `CancellationError` when the task is cancelled.
  public static func make(
    inputs: [String], output: String, options: GIFOptions = .init(), progress: Progress? = nil
  ) throws -> GIFReport {
    try options.validate()
    guard PathName(output).pathExtension.lowercased() == "gif" else {
      throw GIFMakingError.unsupportedOutput(path: output)
    }
    let inputs = try InputPattern.expand(inputs, limit: options.maxImages)
    let reader = try SourceReader(inputs: inputs, options: options)
    let temporary = try OutputFile(
      destination: output, inputs: inputs, overwrite: options.overwrite)
    var settings = Settings(options: options, fps: try samplingRate(reader, options))
    var steps: [String] = []
    var attempt = try Attempt(reader: reader, settings: settings, progress: progress)
    var result = try attempt.encode(to: temporary.temporaryPath)
    if let maxBytes = options.maxBytes {
      var smallest = result.bytes
      while result.bytes > maxBytes {
        guard let (next, step) = settings.smaller(for: reader.kind) else {
          throw GIFMakingError.doesNotFit(
            maxBytes: maxBytes, smallest: smallest,
            steps: steps.isEmpty ? "nothing left to lower" : steps.joined(separator: ", "))
        }
        steps.append(step)
        if next.needsNewFrames(comparedWith: settings) {
          attempt = try Attempt(reader: reader, settings: next, progress: progress)
        } else {
          attempt.settings = next
        }
        settings = next
        result = try attempt.encode(to: temporary.temporaryPath)
        smallest = min(smallest, result.bytes)
      }
    }
    try temporary.commit()
    let tally = result.tally
    let seconds = Double(tally.centiseconds) / 100
    return GIFReport(
      inputs: inputs, inputKind: reader.kind.rawValue, output: output, bytes: result.bytes,
      width: attempt.outputSize.width, height: attempt.outputSize.height,
      framesIn: attempt.sourcePictures, framesOut: tally.framesStored, fps: settings.fps,
      delays: tally.delays, durationSeconds: seconds,
      sourceDurationSeconds: attempt.expectedCentiseconds.map { Double($0) / 100 } ?? seconds,
      palette: settings.options.palette.rawValue, colors: tally.paletteColors,
      localPalettes: tally.localPalettes, dither: settings.options.dither.rawValue,
      lossy: settings.options.lossy, loop: settings.options.loop,
      ssim: tally.similarityWeight > 0 ? tally.similarityTotal / tally.similarityWeight : 1,
      maxBytesSteps: steps, warnings: attempt.warnings)
  }

  /// The rate frames are sampled at: the one asked for; a video's own, at most 25; none
  /// (the source's timing) for a GIF or images.
  static func samplingRate(_ reader: SourceReader, _ options: GIFOptions) throws -> Double? {
    if let fps = options.framesPerSecond { return fps }
    guard reader.kind == .video, !reader.isAnimatedPNG else { return nil }
    return min(reader.videoInfo?.framesPerSecond ?? 25, 25)
  }
}
