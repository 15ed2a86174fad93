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

    // The settings both the command and the gif_to_video tool have: help and defaults from
    // GIFToVideoOptions, the one description; makeOptions() decodes them as a tool call is.
    @Option(help: GIFToVideoOptions.field("codec").help(statingDefault: true))
    var codec: VideoCodec?

    @Option(help: GIFToVideoOptions.field("crf").help(statingDefault: true))
    var crf: Int?

    @Option(help: GIFToVideoOptions.field("preset").help())
    var preset = GIFToVideoOptions().preset

    @Option(help: GIFToVideoOptions.field("background").help())
    var background = GIFToVideoOptions().background.hex

    @Option(help: GIFToVideoOptions.field("max_width").help(statingDefault: true))
    var maxWidth: Int?

    @Option(help: GIFToVideoOptions.field("loop").help())
    var loop = GIFToVideoOptions().plays

    @Option(help: GIFToVideoOptions.field("fps").help(statingDefault: true))
    var fps: Int?

    @Flag(help: GIFToVideoOptions.field("keep_duplicates").help())
    var keepDuplicates = false

    // Command-line only: exact scaling, encoder threads, the matrix, limits, overwriting.
    @Option(help: "Scale to WIDTHxHEIGHT (sides rounded to even).")
    var scale: String?

    @Option(help: "Encoder threads (0 = automatic).")
    var threads = 0

    @Option(help: "RGB→YUV matrix, also tagged: bt601 or bt709 (default: bt709 from 1280×720 up).")
    var matrix: YUVMatrix?

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions

    func validate() throws {
      if let scale, Size(parsing: scale) == nil {
        throw ValidationError("--scale must be WIDTHxHEIGHT with positive sides, not '\(scale)'")
      }
      do { try makeOptions().validate() } catch { throw GIFToVideoOptions.commandError(error) }
    }

    func run() throws {
      let options = try makeOptions()
      let destination = output ?? options.defaultOutput(for: input)
      let logger = Log.logger(verbose: outputOptions.verbose)
      logger.debug("converting", metadata: ["input": "\(input)", "output": "\(destination)"])
      let showBar = !outputOptions.noProgress && StandardError.isTerminal
      let bar: ProgressBar? = showBar ? ProgressBar(label: "gif2video") : nil
      var progress: GIFToVideo.Progress?
      if let bar { progress = { done, total in bar.update(done: done, total: total) } }
      let report: GIFToVideoReport
      do {
        report = try GIFToVideo.convert(
          input: input, output: destination, options: options, progress: progress)
        bar?.finish()
      } catch {
        bar?.finish()
        throw CommandFailure.report(
          error, json: outputOptions.json, file: input, verbose: outputOptions.verbose)
      }
      for warning in report.warnings { logger.debug("\(warning)") }
      Report.print(report, json: outputOptions.json) { $0.summary }
    }

    /// The options from the flags, through GIFToVideoOptions' decoder (as the tool's
    /// arguments are), the codec settled for the output.
    func makeOptions() throws -> GIFToVideoOptions {
      var options = try GIFToVideoOptions.decoding([
        "codec": codec?.rawValue, "crf": crf, "preset": preset.rawValue, "background": background,
        "max_width": maxWidth, "loop": loop, "fps": fps, "keep_duplicates": keepDuplicates,
      ])
      options.scale = scale.flatMap(Size.init(parsing:))
      options.threads = threads
      options.matrix = matrix
      options.limits = limits.decodeLimits
      options.overwrite = outputOptions.overwrite
      return options.settled(forOutput: output)
    }
  }
}

extension VideoCodec: ExpressibleByArgument {}
extension YUVMatrix: ExpressibleByArgument {}
extension EncoderPreset: ExpressibleByArgument {}
