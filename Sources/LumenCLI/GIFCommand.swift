import ArgumentParser
import Foundation
import GIFMaking
import LumenCore

extension Root {
  /// `lumen gif`: a video, a GIF or images to a small, true animated GIF.
  struct GIFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "gif",
      abstract: "Make an animated GIF from a video, a GIF or a series of images.",
      discussion: """
        Inputs: one video FFmpeg decodes (MP4, WebM, MOV, MKV, AVI), one GIF (re-time, \
        resize, optimise), or several still images in order (PNG, JPEG, WebP), each shown \
        for --delay centiseconds or at --fps. The palette is clustered in OKLab from every \
        frame (--palette auto adds a frame's own where a scene change makes the global one \
        poor); a pixel that did not change in the source keeps what is shown, so dithering \
        does not shimmer and each frame stores only the rectangle that changed. Delays are \
        rounded on the whole timeline so the GIF lasts as long as the source part, to the \
        centisecond; none is below 2 cs (browsers play 0–1 cs as 10), so --fps is at most \
        50. --max-bytes steps down lossy, then colours, then fps, then width until the GIF \
        fits, and says what it changed. An existing output is refused unless -y.

        Examples:
          lumen gif clip.mp4 -o clip.gif --fps 15 --width 480
          lumen gif clip.mp4 -o part.gif --start 3 --duration 2.5 --caption "nailed it"
          lumen gif big.gif -o small.gif --max-width 320 --lossy 60
          lumen gif frame-*.png -o anim.gif --delay 8 --boomerang
          lumen gif screen.webm -o chat.gif --max-bytes 8000000 --json
        """)

    @Argument(help: "A video, a GIF, or still images in order.")
    var inputs: [String]

    @Option(
      name: .shortAndLong, help: "The GIF to write (default: the first input's name with .gif).")
    var output: String?

    @Option(help: GIFOptions.field("start").help(statingDefault: true))
    var start: Double?

    @Option(help: GIFOptions.field("end").help(statingDefault: true))
    var end: Double?

    @Option(help: GIFOptions.field("duration").help(statingDefault: true))
    var duration: Double?

    @Option(help: GIFOptions.field("fps").help(statingDefault: true))
    var fps: Double?

    @Option(help: GIFOptions.field("delay").help(statingDefault: true))
    var delay: Int?

    @Option(help: GIFOptions.field("width").help(statingDefault: true))
    var width: Int?

    @Option(help: GIFOptions.field("height").help(statingDefault: true))
    var height: Int?

    @Option(help: GIFOptions.field("max_width").help(statingDefault: true))
    var maxWidth: Int?

    @Option(help: GIFOptions.field("crop").help(statingDefault: true))
    var crop: String?

    @Option(help: GIFOptions.field("speed").help())
    var speed = GIFOptions().speed

    @Flag(help: GIFOptions.field("reverse").help())
    var reverse = false

    @Flag(help: GIFOptions.field("boomerang").help())
    var boomerang = false

    @Option(help: GIFOptions.field("loop").help())
    var loop = GIFOptions().loop

    @Option(help: GIFOptions.field("caption").help(statingDefault: true))
    var caption: String?

    @Option(help: GIFOptions.field("caption_position").help())
    var captionPosition = GIFOptions().captionPosition

    @Option(help: GIFOptions.field("colors").help())
    var colors = GIFOptions().colors

    @Option(help: GIFOptions.field("palette").help())
    var palette = GIFOptions().palette

    @Option(help: GIFOptions.field("dither").help())
    var dither = GIFOptions().dither

    @Option(help: GIFOptions.field("dither_strength").help())
    var ditherStrength = GIFOptions().ditherStrength

    @Option(help: GIFOptions.field("lossy").help())
    var lossy = GIFOptions().lossy

    @Option(help: GIFOptions.field("max_bytes").help(statingDefault: true))
    var maxBytes: Int?

    @Option(help: GIFOptions.field("background").help())
    var background = GIFOptions().background.hex

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions

    func validate() throws {
      do { try makeOptions().validate() } catch { throw GIFOptions.commandError(error) }
      if output == nil, let first = inputs.first, PathName(first).isPattern,
        !FileManager.default.fileExists(atPath: first)
      {
        throw ValidationError("give -o OUT.gif: the first input is a pattern (\(first))")
      }
    }

    func run() throws {
      let options = try makeOptions()
      let destination = output ?? PathName(inputs[0]).replacingExtension(with: "gif")
      let showBar = !outputOptions.noProgress && StandardError.isTerminal
      let bar: ProgressBar? = showBar ? ProgressBar(label: "gif") : nil
      var progress: MakeGIF.Progress?
      if let bar { progress = { done, total in bar.update(done: done, total: total) } }
      let report: GIFReport
      do {
        report = try MakeGIF.make(
          inputs: inputs, output: destination, options: options, progress: progress)
        bar?.finish()
      } catch {
        bar?.finish()
        throw CommandFailure.report(
          error, json: outputOptions.json, file: inputs[0], verbose: outputOptions.verbose)
      }
      Report.print(report, json: outputOptions.json) { $0.summary }
    }

    /// The options from the flags, through GIFOptions' decoder (as the tool's arguments are).
    func makeOptions() throws -> GIFOptions {
      var options = try GIFOptions.decoding([
        "start": start, "end": end, "duration": duration, "fps": fps, "delay": delay,
        "width": width, "height": height, "max_width": maxWidth, "crop": crop, "speed": speed,
        "reverse": reverse, "boomerang": boomerang, "loop": loop, "caption": caption,
        "caption_position": captionPosition.rawValue, "colors": colors,
        "palette": palette.rawValue, "dither": dither.rawValue,
        "dither_strength": ditherStrength, "lossy": lossy, "max_bytes": maxBytes,
        "background": background,
      ])
      options.limits = limits.decodeLimits
      options.overwrite = outputOptions.overwrite
      return options
    }
  }
}

extension PaletteMode: ExpressibleByArgument {}
extension DitherMethod: ExpressibleByArgument {}
extension CaptionPosition: ExpressibleByArgument {}
