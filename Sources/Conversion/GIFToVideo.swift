internal import FFmpegIO
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
  ///   - output: The video to create (replaced atomically if it exists).
  ///   - options: Codec, quality, background, size, repetition and limits.
  ///   - progress: Called after each decoded frame.
  /// - Returns: What was done, with warnings.
  /// - Throws: ``ConversionError``, ``GIFCodec/GIFError`` (including limits) or
  ///   ``FFmpegIO/FFmpegError``; `CancellationError` when the surrounding task is cancelled.
  public static func convert(
    input: String, output: String, options: GIFToVideoOptions = .init(),
    progress: Progress? = nil
  ) throws -> GIFToVideoReport {
    try options.validate()
    let container = try container(for: output, options: options)
    let inputBytes = try fileSize(input)
    let framesFound = try GIFDecoder.countFrames(path: input)
    let temporary = try OutputFile(destination: output)
    do {
      var job = try Job(
        input: input, temporaryPath: temporary.temporaryPath, container: container,
        options: options, framesFound: framesFound, progress: progress)
      try job.run()
      let partial = try job.finish()
      try temporary.commit(replacingExisting: options.replaceExisting)
      var report = partial
      report.input = input
      report.inputBytes = inputBytes
      report.output = output
      report.outputBytes = (try? fileSize(output)) ?? 0
      report.outputDurationSeconds =
        (try? MediaReader(path: output).info.durationSeconds ?? 0) ?? 0
      return report
    } catch {
      temporary.discard()
      throw error
    }
  }

  static func container(for output: String, options: GIFToVideoOptions) throws(ConversionError)
    -> VideoContainer
  {
    let fromName = VideoContainer(pathExtension: URL(fileURLWithPath: output).pathExtension)
    let container = options.container ?? fromName ?? options.codec.containers[0]
    guard options.codec.containers.contains(container) else {
      throw .unsupportedContainer(codec: options.codec.rawValue, container: container.rawValue)
    }
    return container
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
