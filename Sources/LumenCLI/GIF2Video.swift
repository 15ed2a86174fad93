import ArgumentParser
import FFmpegIO
import Foundation
import GIFToVideo
import LumenCore

extension Root {
  /// `lumen gif2video`: a GIF to an MP4 or WebM with browser-exact timing.
  struct GIF2Video: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "gif2video",
      abstract: "Convert an animated GIF to MP4 (or WebM) with the timing browsers play.",
      discussion: """
        One video frame per GIF frame (identical neighbours merged), delays of 0 or 1 cs played \
        as 10 cs, the last frame's delay kept, odd sizes padded with edge pixels, transparency \
        shown on --background. Colours are converted with BT.601 below 1280×720 and BT.709 from \
        there up, and tagged so. Damaged GIFs convert up to the damage. An existing output is \
        refused unless --overwrite (-y) is given; the input is never replaced.

        Examples:
          # writes Fixtures/demo.mp4
          lumen gif2video Fixtures/demo.gif
          lumen gif2video in.gif -o out.mp4 --crf 20 --preset slow
          lumen gif2video in.gif -o out.webm --background black
          lumen gif2video in.gif --max-width 480 --loop 3 --json
        """)

    @Argument(help: "The GIF to convert.")
    var input: String

    @Option(
      name: .shortAndLong,
      help:
        "The video to write: .mp4 or .webm (default: the input's name with .mp4, or .webm for vp9/av1)."
    )
    var output: String?

    @Option(help: "Video codec: h264, hevc, vp9 or av1 (default: h264, or vp9 for a .webm output).")
    var codec: VideoCodec?

    @Option(help: "Constant rate factor (lower is better; default 23 for h264).")
    var crf: Int?

    @Option(help: "Speed preset: ultrafast … medium … veryslow.")
    var preset = "medium"

    @Option(help: "Colour under transparent pixels: #rrggbb, #rgb or a CSS name.")
    var background = "#ffffff"

    @Option(help: "Scale to WIDTHxHEIGHT (sides rounded to even).")
    var scale: String?

    @Option(help: "Scale down to at most this width, keeping the aspect ratio.")
    var maxWidth: Int?

    @Option(help: "How many times the animation plays (1…1000; a video cannot loop forever).")
    var loop = 1

    @Option(help: "Resample to a constant frame rate (default: one frame per GIF frame).")
    var fps: Int?

    @Flag(help: "Keep identical consecutive frames instead of merging them.")
    var keepDuplicates = false

    @Option(help: "Encoder threads (0 = automatic).")
    var threads = 0

    @Option(help: "RGB→YUV matrix, also tagged: bt601 or bt709 (default: bt709 from 1280×720 up).")
    var matrix: YUVMatrix?

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions

    func validate() throws {
      guard RGBColor(hex: background) != nil else {
        throw ValidationError("--background must be \(RGBColor.syntax), not '\(background)'")
      }
      if let scale, Size(parsing: scale) == nil {
        throw ValidationError("--scale must be WIDTHxHEIGHT with positive sides, not '\(scale)'")
      }
      do { try makeOptions().validate() } catch { throw ValidationError(error.description) }
    }

    func run() throws {
      let destination = output ?? GIFToVideo.defaultOutput(for: input, codec: resolvedCodec)
      let logger = Log.logger(verbose: outputOptions.verbose)
      logger.debug("converting", metadata: ["input": "\(input)", "output": "\(destination)"])
      let showBar = !outputOptions.noProgress && StandardError.isTerminal
      let bar: ProgressBar? = showBar ? ProgressBar(label: "gif2video") : nil
      var progress: GIFToVideo.Progress?
      if let bar { progress = { done, total in bar.update(done: done, total: total) } }
      let report: GIFToVideoReport
      do {
        report = try GIFToVideo.convert(
          input: input, output: destination, options: makeOptions(), progress: progress)
        bar?.finish()
      } catch {
        bar?.finish()
        throw CommandFailure.report(
          error, json: outputOptions.json, file: input, verbose: outputOptions.verbose)
      }
      for warning in report.warnings { logger.debug("\(warning)") }
      Report.print(report, json: outputOptions.json) { $0.summary }
    }

    func makeOptions() -> GIFToVideoOptions {
      var options = GIFToVideoOptions()
      options.codec = resolvedCodec
      options.overwrite = outputOptions.overwrite
      options.crf = crf
      options.preset = preset
      options.background = RGBColor(hex: background) ?? .white
      options.scale = scale.flatMap(Size.init(parsing:))
      options.maxWidth = maxWidth
      options.plays = loop
      options.framesPerSecond = fps
      options.keepDuplicateFrames = keepDuplicates
      options.threads = threads
      options.matrix = matrix
      options.limits = limits.decodeLimits
      return options
    }

    /// The codec asked for, else the one the output's extension implies.
    var resolvedCodec: VideoCodec {
      codec ?? output.map(GIFToVideo.defaultCodec(forOutput:)) ?? .h264
    }
  }
}

extension VideoCodec: ExpressibleByArgument {}
extension YUVMatrix: ExpressibleByArgument {}
