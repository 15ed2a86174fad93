import Drawing
import FFmpegIO
import Foundation
import GIFCodec
public import LumenCore
import PNGCodec

/// Renders point data as an animated map: every point a light blinking with its own rhythm.
///
/// ```swift
/// var options = MapOptions()
/// options.title = "US lighthouses"
/// let report = try MapAnimation.render(input: "lighthouses.csv", output: "lighthouses.gif", options: options)
/// print(report.text)
/// ```
///
/// The basemap is drawn once; each frame is that picture plus the lit glows, streamed to the
/// encoder (GIF through giflib, MP4/WebM through FFmpeg, a PNG poster through libpng), written
/// to a temporary file beside the output and renamed at the end.
public enum MapAnimation {
  /// Called after each frame with (frames done, frames in all).
  public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

  /// The output written when none is named: the CSV's name with `.gif`.
  public static func defaultOutput(for input: String) -> String {
    PathName(input).replacingExtension(with: "gif")
  }

  /// Reads `input` (CSV) and renders it to `output`; the format comes from the extension.
  ///
  /// - Throws: ``MapError`` naming the problem; `CancellationError` when the task is cancelled.
  public static func render(
    input: String, output: String, options: MapOptions = .init(), progress: Progress? = nil
  ) throws -> MapReport {
    if let problem = options.validationFailure() { throw MapError.invalidOption(problem) }
    guard let format = MapOutputFormat(path: output) else {
      throw MapError.invalidOption(
        "cannot tell the format of \(output): use .gif, .mp4, .webm or .png")
    }
    let table = try PointTable.read(
      path: input, latitudeColumn: options.latitudeColumn, longitudeColumn: options.longitudeColumn,
      maxPoints: options.maxPoints)
    return try render(
      table, input: input, output: output, format: format, options: options, progress: progress)
  }

  /// Renders points already read.
  public static func render(
    _ table: PointTable, input: String, output: String, format: MapOutputFormat,
    options: MapOptions,
    progress: Progress? = nil
  ) throws -> MapReport {
    let start = ContinuousClock.now
    var options = options
    var warnings = table.warnings
    if format == .mp4 || format == .webm,
      options.size.width % 2 == 1 || options.size.height % 2 == 1
    {
      options.size = options.size.roundedUpToEven
      warnings.append("video needs even sizes: drawn at \(options.size)")
    }
    let renderer: MapRenderer
    do {
      renderer = try MapRenderer(points: table.points, options: options)
    } catch let error as MapError {
      throw error
    } catch {
      throw MapError.renderingFailed("cannot draw the basemap: \(error)")
    }
    warnings += renderer.warnings
    guard !renderer.lights.isEmpty else {
      throw MapError.noValidPoints(
        "none of the \(table.points.count) points lies inside the map region \(renderer.view.regionName)"
      )
    }
    let file = try OutputFile(destination: output, inputs: [input], overwrite: options.overwrite)
    var framesStored = 0
    do {
      switch format {
      case .gif: framesStored = try writeGIF(renderer, to: file.temporaryPath, progress: progress)
      case .mp4, .webm:
        framesStored = try writeVideo(
          renderer, format: format, to: file.temporaryPath, progress: progress)
      case .png: framesStored = try writePoster(renderer, to: file.temporaryPath)
      }
      try file.commit()
    } catch {
      switch error {
      case is CancellationError: throw error
      case let error as any LumenError: throw error
      default: throw MapError.renderingFailed("\(error)")
      }
    }
    let isVideo = format == .mp4 || format == .webm
    let playedFrames = isVideo ? options.frameCount * max(1, options.plays) : options.frameCount
    var skipped = table.skipped
    if renderer.pointsOutside > 0 {
      skipped["outside the map", default: 0] += renderer.pointsOutside
    }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
    let elapsed = ContinuousClock.now - start
    return MapReport(
      input: input, output: output, format: format.rawValue, rowsRead: table.rowsRead,
      pointsDrawn: renderer.lights.count, skipped: skipped,
      lightsWithCharacteristic: renderer.lightsWithCharacteristic,
      characteristicFallbacks: renderer.characteristicFallbacks, region: renderer.view.regionName,
      projection: renderer.view.projection.name, width: options.size.width,
      height: options.size.height,
      framesPerSecond: options.framesPerSecond, frames: format == .png ? 1 : playedFrames,
      framesStored: framesStored,
      durationSeconds: format == .png ? 0 : Double(playedFrames) / Double(options.framesPerSecond),
      outputBytes: bytes,
      elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds)
        / 1e18,
      legend: Dictionary(renderer.legend.map { ($0.name, $0.count) }, uniquingKeysWith: +),
      warnings: warnings)
  }

  private static func writeGIF(_ renderer: MapRenderer, to path: String, progress: Progress?) throws
    -> Int
  {
    let options = renderer.options
    let table = MapPalette.table(
      theme: options.theme, lightColors: renderer.legend.map(\.color), outlines: renderer.outlines)
    var writer = try GIFAnimationWriter(
      path: path, size: options.size, colorTable: table,
      loopCount: gifLoopCount(plays: options.plays), dithering: options.dithering)
    let total = options.frameCount
    var frame = renderer.basemap
    for index in 0..<total {
      if Task.isCancelled { throw CancellationError() }
      try renderer.draw(index, into: &frame)
      // Exact delays: frame i lasts from round(i × 100 / fps) to round((i + 1) × 100 / fps) cs.
      let delay =
        centiseconds(index + 1, options.framesPerSecond)
        - centiseconds(index, options.framesPerSecond)
      try writer.append(frame, delayCentiseconds: delay)
      progress?(index + 1, total)
    }
    return try writer.finish().framesStored
  }

  /// NETSCAPE loop count for "plays n times": 0 is forever, n plays are n − 1 repeats, and a
  /// single play has no loop extension at all.
  static func gifLoopCount(plays: Int) -> Int? {
    plays == 0 ? 0 : plays == 1 ? nil : plays - 1
  }

  private static func centiseconds(_ frame: Int, _ fps: Int) -> Int {
    (frame * 100 + fps / 2) / fps
  }

  private static func writeVideo(
    _ renderer: MapRenderer, format: MapOutputFormat, to path: String, progress: Progress?
  ) throws -> Int {
    let options = renderer.options
    let settings = VideoSettings(
      codec: format == .webm ? .vp9 : .h264, container: format == .webm ? .webm : .mp4,
      crf: options.crf,
      inputSize: options.size, timeBase: Rational(1, options.framesPerSecond))
    var writer = try VideoWriter(path: path, settings: settings)
    let total = options.frameCount * max(1, options.plays)
    var frame = renderer.basemap
    for index in 0..<total {
      if Task.isCancelled { throw CancellationError() }
      try renderer.draw(index % options.frameCount, into: &frame)
      try writer.append(frame, presentationTime: Int64(index))
      progress?(index + 1, total)
    }
    try writer.finish(endTime: Int64(total))
    return total
  }

  /// The poster frame of `points` (the moment with the most light) as a picture, for
  /// previews.
  public static func poster(_ table: PointTable, options: MapOptions) throws -> RGBAImage {
    if let problem = options.validationFailure() { throw MapError.invalidOption(problem) }
    let renderer = try MapRenderer(points: table.points, options: options)
    return try renderer.frame(posterFrame(renderer))
  }

  private static func posterFrame(_ renderer: MapRenderer) -> Int {
    var best = 0
    var bestLight = -1.0
    for index in 0..<renderer.options.frameCount {
      let t = renderer.seconds(ofFrame: index)
      let light = renderer.lights.reduce(0) { $0 + $1.schedule.brightness(atSeconds: t) }
      if light > bestLight + 1e-9 {
        best = index
        bestLight = light
      }
    }
    return best
  }

  /// The poster is the frame where the lights are brightest in sum.
  private static func writePoster(_ renderer: MapRenderer, to path: String) throws -> Int {
    try PNGFile.write(try renderer.frame(posterFrame(renderer)), to: path)
    return 1
  }
}
