import ArgumentParser
import GIFCodec
import Geo
import LumenCore
import MapRendering

extension Root {
  /// `lumen map`: an animated map of point data, each point a blinking light.
  struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "map",
      abstract:
        "Draw points from a CSV as blinking lights on a map (GIF, MP4, WebM or a PNG frame).",
      discussion: """
        Latitude and longitude columns are found by name (lat/latitude, \
        lon/lng/long/longitude) or given with --lat/--lon; the separator (, ; tab |) is found \
        from the file. Optional columns: name, color (#hex, a word or a chart letter), size (a \
        factor), characteristic (a chart light characteristic such as 'Fl(2) R 6s', 'Iso G 6s', \
        'Oc W 4s', 'Q G', 'F W'; others blink with a default rhythm and a seeded phase). Rows \
        with missing or out-of-range coordinates are skipped and counted.

        Regions: usa (Albers-USA with Alaska, Hawaii and Puerto Rico insets), world (Equal \
        Earth), a box W,S,E,N (equirectangular), or auto (usa when every point is in the US, \
        else a box around the data). Basemaps are built in: no network. Every blink period is \
        fitted to the length, so a GIF loops without a jump.

        Examples:
          lumen map Fixtures/lighthouses-sample.csv -o lighthouses.gif
          lumen map lights.csv -o lights.mp4 --region=-89,41,-84,46.5
          lumen map cities.csv -o cities.png --region world --theme light
          lumen map data.csv -o map.gif --lat Y --lon X --fps 15 --json
        """)

    @Argument(help: "The CSV file of points.")
    var input: String

    @Option(
      name: .shortAndLong,
      help: "The output: .gif, .mp4, .webm or .png (default: the CSV's name with .gif).")
    var output: String?

    @Option(help: "Picture size WxH (16…4096 each).")
    var size = "800x500"

    @Option(help: "Frames per second (1…50).")
    var fps = 10

    @Option(help: "Length in seconds (0.1…120); light periods are fitted so it loops seamlessly.")
    var seconds = MapOptions().seconds

    @Option(help: "auto, usa, world, or a box W,S,E,N in degrees (write --region=W,S,E,N).")
    var region = "auto"

    @Option(help: "dark or light.")
    var theme = "dark"

    @Option(help: "A title in the top-left corner.")
    var title: String?

    @Option(help: "The changing corner label: clock, frame or none.")
    var label: MapLabel = .clock

    @Option(help: "A data source line added to the attribution.")
    var attribution: String?

    @Option(help: "The latitude column, when its name is not a common one.")
    var lat: String?

    @Option(help: "The longitude column, when its name is not a common one.")
    var lon: String?

    @Option(help: "Seed for the lights' phases (same seed, same animation).")
    var seed: UInt64 = 1

    @Option(
      help: "How many times the animation plays (0 loops forever: a GIF loops, a video plays once)."
    )
    var loop = 0

    @Option(help: "GIF dithering: none or ordered.")
    var dither: GIFDithering = .none

    @Option(help: "Video quality for MP4/WebM (CRF; lower is better).")
    var crf: Int?

    @Option(help: "Refuse files with more points than this.")
    var maxPoints = 100_000

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions

    func validate() throws {
      if MapOutputFormat(path: destination) == nil {
        throw ValidationError(
          "cannot tell the format of '\(destination)': use .gif, .mp4, .webm or .png")
      }
      if let problem = try makeOptions().validationFailure() { throw ValidationError(problem) }
    }

    func run() throws {
      let showBar = !outputOptions.noProgress && StandardError.isTerminal
      let bar: ProgressBar? = showBar ? ProgressBar(label: "map") : nil
      let report: MapReport
      do {
        report = try MapAnimation.render(input: input, output: destination, options: makeOptions())
        { done, total in
          bar?.update(done: done, total: total)
        }
        bar?.finish()
      } catch {
        bar?.finish()
        throw CommandFailure.report(
          error, json: outputOptions.json, file: input, verbose: outputOptions.verbose)
      }
      Report.print(report, json: outputOptions.json) { $0.text }
    }

    /// `-o`, or the CSV's name with `.gif`.
    var destination: String { output ?? MapAnimation.defaultOutput(for: input) }

    func makeOptions() throws -> MapOptions {
      var options = MapOptions()
      guard let size = Size(parsing: size) else {
        throw ValidationError("--size must be WxH, e.g. 800x500, not '\(size)'")
      }
      guard let region = MapRegion(parsing: region) else {
        throw ValidationError(
          "--region must be auto, usa, world or W,S,E,N (e.g. --region=-89,41,-84,46.5), not '\(region)'"
        )
      }
      guard let theme = MapTheme.named(theme) else {
        throw ValidationError("--theme must be dark or light, not '\(theme)'")
      }
      options.size = size
      options.framesPerSecond = fps
      options.seconds = seconds
      options.region = region
      options.theme = theme
      options.title = title
      options.label = label
      options.attribution = attribution
      options.latitudeColumn = lat
      options.longitudeColumn = lon
      options.seed = seed
      options.plays = loop
      options.overwrite = outputOptions.overwrite
      options.dithering = dither
      options.crf = crf
      options.maxPoints = maxPoints
      return options
    }
  }
}

extension MapLabel: ExpressibleByArgument {}
extension GIFDithering: ExpressibleByArgument {}
