public import ArgumentParser
internal import CMallocTuning
import Foundation

/// The `lumen` command: media jobs as single native operations.

public struct Root: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "lumen",
    abstract: "Fast, exact media and data jobs: GIFs, videos, palettes, maps, charts, analysis.",
    discussion: """
      Examples:
        lumen gif2video Fixtures/demo.gif -o demo.mp4
        lumen gif2video in.gif -o in.webm --background black
        lumen palette photo.jpg -k 8
        lumen palette logo.png -k auto --exclude white --swatch swatch.png
        lumen map Fixtures/lighthouses-sample.csv -o lighthouses.gif
        lumen chart sales.csv --kind bar --x region --y total -o sales.png
        lumen heatmap events.csv --x hour:time --y weekday:time -o busy.html
        lumen analyze orders.csv -o orders-analysis
        lumen gif clip.mp4 -o clip.gif --fps 15 --width 480
        lumen tools --format anthropic
        lumen call --workspace media < assistant-message.json
      """,
    version: LumenVersion.current,
    subcommands: [
      GIF2Video.self, PaletteCommand.self, MapCommand.self, ChartCommand.self, HeatmapCommand.self,
      AnalyzeCommand.self, GIFCommand.self,
      ToolsCommand.self,
      CallCommand.self,
      MCPCommand.self,
    ])

  public init() {}

  /// Runs the command line: installs the interruption clean-up, refuses `lumen help` of a
  /// command that does not exist (exit 64, where the parser would print the root help and
  /// exit 0), then parses and runs.
  public static func start(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
    // glibc gives each thread that contends for malloc an arena of its own, which keeps what
    // that thread freed; the analysis' column tasks would keep ~11 MB that way on 200,000 rows
    // (peak 57–63 MB with two arenas against 67–70 MB), at no measured CPU cost. The cap is
    // fixed when a second arena is first needed, so it is set before any other work.
    if arguments.first == "analyze" {
      _ = cmalloc_limit_arenas(2)
      // Blocks of 1 MB and more (the kept values, the hash tables) are mapped on their own
      // and go back to the system when freed; by default the threshold rises past them and
      // they stay in the heap, where the peak varied by ±2 MB run to run. Smaller blocks (a
      // batch's columns, its hashes) are reused from the heap: at 512 KB, a batch's arrays
      // were mapped and faulted in anew each time (15,700 page faults on 200,000 rows against
      // 10,200, 15 ms of CPU; peak 38.1 MB against 41.2).
      _ = cmalloc_fix_mmap_threshold(1 << 20)
      // And up to 4 MB free at the top of the heap is kept: a batch's arrays, freed at its
      // end, were given back and faulted in anew by the next batch (7,500 page faults on
      // 200,000 rows against 6,500; peak 38.3 MB against 38.9).
      _ = cmalloc_fix_trim_threshold(4 << 20)
    }
    Interruption.install()
    let commands = configuration.subcommands.compactMap { command in
      let name: String? = command.configuration.commandName
      return name
    }
    if arguments.first == "help", let name = arguments.dropFirst().first, !commands.contains(name) {
      var err = StandardError()
      let names = commands.joined(separator: ", ")
      err.write("error: no command named '\(name)'; the commands are \(names) (lumen --help)\n")
      Foundation.exit(64)
    }
    await main(arguments)
  }
}
