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

    // The settings both the command and the render_map_animation tool have: help and
    // defaults from MapOptions, the one description; makeOptions() decodes them as a tool call
    // is (--size gives width and height, --lat and --lon the column names).
    @Option(help: "Picture size WxH (16…4096 each).")
    var size = "\(MapOptions().size.width)x\(MapOptions().size.height)"

    @Option(help: MapOptions.field("fps").help())
    var fps = MapOptions().framesPerSecond

    @Option(help: MapOptions.field("seconds").help())
    var seconds = MapOptions().seconds

    @Option(help: "\(MapOptions.field("region").commandHelp) (write --region=W,S,E,N).")
    var region = "auto"

    @Option(help: MapOptions.field("theme").help())
    var theme: MapTheme.Name = .dark

    @Option(help: MapOptions.field("title").help())
    var title: String?

    @Option(help: MapOptions.field("label").help())
    var label = MapOptions().label

    @Option(help: MapOptions.field("attribution").help())
    var attribution: String?

    @Option(help: MapOptions.field("lat_column").help())
    var lat: String?

    @Option(help: MapOptions.field("lon_column").help())
    var lon: String?

    @Option(help: MapOptions.field("seed").help())
    var seed = Int(MapOptions().seed)

    @Option(help: MapOptions.field("loop").help())
    var loop = MapOptions().plays

    // Command-line only: dithering, video quality, the point limit.
    @Option(help: "GIF dithering: none or ordered.")
    var dither: GIFDithering = .none

    @Option(help: "Video quality for MP4/WebM (CRF; lower is better).")
    var crf: Int?

    @Option(help: "Refuse files with more points than this.")
    var maxPoints = MapOptions().maxPoints

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions

    func validate() throws {
      if MapOutputFormat(path: destination) == nil {
        throw ValidationError(
          "cannot tell the format of '\(destination)': use .gif, .mp4, .webm or .png")
      }
      if let problem = try makeOptions().validationFailure() {
        throw MapOptions.commandError(MapError.invalidOption(problem))
      }
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

    /// The options from the flags, through MapOptions' decoder (as the tool's arguments are),
    /// then the command-line-only settings.
    func makeOptions() throws -> MapOptions {
      guard let size = Size(parsing: size) else {
        throw ValidationError("--size must be WxH, e.g. 800x500, not '\(size)'")
      }
      var options: MapOptions
      do {
        options = try MapOptions.decoding([
          "title": title, "region": region, "theme": theme.rawValue, "width": size.width,
          "height": size.height, "fps": fps, "seconds": seconds, "label": label.rawValue,
          "lat_column": lat, "lon_column": lon, "loop": loop, "attribution": attribution,
          "seed": seed,
        ])
      } catch {
        throw MapOptions.commandError(error, flags: ["lat_column": "--lat", "lon_column": "--lon"])
      }
      options.overwrite = outputOptions.overwrite
      options.dithering = dither
      options.crf = crf
      options.maxPoints = maxPoints
      return options
    }
  }
}

extension MapLabel: ExpressibleByArgument {}
extension MapTheme.Name: ExpressibleByArgument {}
extension GIFDithering: ExpressibleByArgument {}
