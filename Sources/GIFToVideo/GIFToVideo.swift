public import FFmpegIO
internal import Foundation
internal import GIFCodec
internal import LumenCore

/// Converts an animated GIF into a video with browser-exact timing.
///
/// Frames stream from the decoder to the encoder (decode → flatten → encode), so memory does
/// not grow with the number of frames. One video frame is written per GIF frame (identical
/// neighbours merged), at the time browsers show it; the video lasts exactly as long as the GIF
/// plays. The output is written to a temporary file beside it and renamed at the end, so a
/// failure never leaves a partial file.
///
/// ```swift
/// let report = try GIFToVideo.convert(input: "in.gif", output: "out.mp4")
/// print(report.summary)
/// ```
public enum GIFToVideo {
  /// Progress of a conversion: frames done, and the frames expected when known.
  public typealias Progress = @Sendable (_ framesDone: Int, _ framesTotal: Int?) -> Void

  /// Converts `input` to `output`.
  ///
  /// - Parameters:
  ///   - input: A GIF file.
  ///   - output: The video to create; an existing file is refused unless
  ///     ``GIFToVideoOptions/overwrite`` is set, and the input never is.
  ///   - options: Codec, quality, background, size, repetition and limits.
  ///   - progress: Called after each decoded frame.
  /// - Returns: What was done, with warnings.
  /// - Throws: ``ConversionError``, ``GIFCodec/GIFError`` (including limits) or
  ///   ``FFmpegIO/FFmpegError``; `CancellationError` when the surrounding task is cancelled.
  public static func convert(
    input: String, output: String, options: GIFToVideoOptions = .init(),
    progress: Progress? = nil
  ) throws -> GIFToVideoReport {
    let options = options.settled(forOutput: output)
    try options.validate()
    let container = try container(for: output, options: options)
    let inputBytes = try fileSize(input)
    try checkIsGIF(input)
    let temporary = try OutputFile(
      destination: output, inputs: [input], overwrite: options.overwrite)
    let partial: GIFToVideoReport
    do {
      let framesFound = try GIFDecoder.countFrames(path: input, limits: options.limits)
      var job = try Job(
        input: input, temporaryPath: temporary.temporaryPath, container: container,
        options: options, framesFound: framesFound, progress: progress)
      try job.run()
      partial = try job.finish()
    }
    try temporary.commit()
    var report = partial
    report.input = input
    report.inputBytes = inputBytes
    report.output = output
    report.outputBytes = (try? fileSize(output)) ?? 0
    report.outputDurationSeconds =
      (try? MediaReader(path: output).info.durationSeconds ?? 0) ?? 0
    return report
  }

  static func container(for output: String, options: GIFToVideoOptions) throws(ConversionError)
    -> VideoContainer
  {
    let pathExtension = PathName(output).pathExtension
    let fromName = VideoContainer(pathExtension: pathExtension)
    if fromName == nil {
      throw .unsupportedOutput(path: output, pathExtension: pathExtension)
    }
    let container = options.container ?? fromName ?? options.resolvedCodec.containers[0]
    if let fromName, fromName != container {
      throw .invalidOption(
        "container \(container.rawValue) disagrees with the output name \(output); use a .\(container.rawValue) name"
      )
    }
    guard options.resolvedCodec.containers.contains(container) else {
      throw .unsupportedContainer(
        codec: options.resolvedCodec.rawValue, container: container.rawValue)
    }
    return container
  }

  /// Refuses anything but a GIF by its bytes, naming what the file is.
  static func checkIsGIF(_ path: String) throws(ConversionError) {
    guard let kind = FileKind.sniff(path: path) else {
      throw .inputNotReadable(path: path, reason: "the file cannot be opened (permission denied?)")
    }
    switch kind {
    case .gif: return
    default:
      throw .wrongInputKind(path: path, kind: kind)
    }
  }

  static func fileSize(_ path: String) throws(ConversionError) -> Int {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw .inputNotReadable(path: path, reason: "it is a folder, not a GIF file")
    }
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      return (attributes[.size] as? NSNumber)?.intValue ?? 0
    } catch {
      throw .inputNotReadable(path: path, reason: "no such file or not readable")
    }
  }
}
