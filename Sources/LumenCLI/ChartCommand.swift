import ArgumentParser
import Charting
import Foundation
import LumenCore
import Tables

extension Root {
  /// `lumen chart`: a chart from a table file.
  struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "chart",
      abstract: "Draw a chart from a table (CSV/TSV, JSON Lines, JSON, .xlsx).",
      discussion: """
        Reads only the columns the chart uses, infers their kinds (numbers with units, dates \
        in ISO and common local forms, categories), groups and aggregates the rows, and draws \
        the chart once for every format: -o names a .png (cairo and Pango, any script), .svg \
        (real text; each mark labelled with its values), .pdf (fonts embedded) or .html (one \
        self-contained page with tooltips and a clickable legend, no network). --json reports \
        every mark's values.

        Examples:
          lumen chart tips.csv --kind bar --x day --y tip --agg mean -o tips.png
          lumen chart tips.csv --x day --y tip --color sex --stack -o tips.svg
          lumen chart w.csv --kind line --x date --y temp_max,temp_min -o t.html
          lumen chart w.csv --kind heatmap --x date --time-unit month \\
            --y weather -o days.pdf
          lumen chart g.csv --kind scatter --x gdp --y life --log-x -o g.png
          lumen chart big.csv --kind histogram --x value --bins 40 -o h.png
          lumen chart sales.xlsx --sheet Sales --kind pie --x region \\
            --y revenue --sort=-y -o pie.png
        """)

    @Argument(help: "The table file.")
    var data: String

    @Option(help: ChartOptions.field("kind").help())
    var kind: ChartKind = .bar

    @Option(help: ChartOptions.field("x").help())
    var x: String

    @Option(help: "\(ChartOptions.field("y").help), comma-separated.")
    var y: String?

    @Option(help: ChartOptions.field("color").help())
    var color: String?

    @Option(help: ChartOptions.field("size_by").help())
    var sizeBy: String?

    @Option(help: ChartOptions.field("agg").help())
    var agg: ChartAggregation?

    @Option(help: ChartOptions.field("time_unit").help())
    var timeUnit: TimeUnit?

    @Option(help: ChartOptions.field("bins").help())
    var bins = ChartOptions().bins

    @Option(help: "\(ChartOptions.field("sort").help) (write --sort=-y).")
    var sort: ChartSort?

    @Option(help: ChartOptions.field("top").help())
    var top: Int?

    @Flag(help: ChartOptions.field("log_x").help())
    var logX = false

    @Flag(help: ChartOptions.field("log_y").help())
    var logY = false

    @Flag(help: ChartOptions.field("stack").help())
    var stack = false

    @Flag(help: ChartOptions.field("horizontal").help())
    var horizontal = false

    @Option(help: ChartOptions.field("title").help())
    var title: String?

    @Option(help: ChartOptions.field("x_title").help())
    var xTitle: String?

    @Option(help: ChartOptions.field("y_title").help())
    var yTitle: String?

    @Option(help: ChartOptions.field("theme").help())
    var theme: ChartTheme = .light

    @Option(help: ChartOptions.field("size").help())
    var size = "800x500"

    @Option(help: ChartOptions.field("scale").help())
    var scale = 1.0

    @Option(help: ChartOptions.field("sheet").help())
    var sheet: String?

    @Option(name: .shortAndLong, help: "The chart file: .png, .svg, .pdf or .html.")
    var output: String

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions

    func validate() throws {
      guard ChartOutputFormat(outputName: output) != nil else {
        throw ValidationError(
          "-o \(output): the chart file must end in .png, .svg, .pdf or .html")
      }
      do { try makeOptions().validate() } catch {
        throw ChartOptions.commandError(error)
      }
    }

    func run() throws {
      let report: ChartReport
      do {
        report = try Chart.make(
          data: data, output: output, options: makeOptions(),
          overwrite: outputOptions.overwrite)
      } catch {
        throw CommandFailure.report(
          error, json: outputOptions.json, file: data, verbose: outputOptions.verbose)
      }
      Report.print(report, json: outputOptions.json) { report in
        ([report.summary] + report.warnings.map { "warning: \($0)" }).joined(separator: "\n")
      }
    }

    /// The options from the flags, through ChartOptions' decoder (as the tool's arguments are).
    func makeOptions() throws -> ChartOptions {
      try ChartOptions.decoding([
        "kind": kind.rawValue, "x": x,
        "y": y.map {
          $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        },
        "color": color, "size_by": sizeBy, "agg": agg?.rawValue, "time_unit": timeUnit?.rawValue,
        "bins": bins, "sort": sort?.rawValue, "top": top, "log_x": logX, "log_y": logY,
        "stack": stack, "horizontal": horizontal, "title": title, "x_title": xTitle,
        "y_title": yTitle, "theme": theme.rawValue, "size": size, "scale": scale, "sheet": sheet,
      ])
    }
  }
}

extension ChartKind: ExpressibleByArgument {}
extension ChartAggregation: ExpressibleByArgument {}
extension TimeUnit: ExpressibleByArgument {}
extension ChartSort: ExpressibleByArgument {}
extension ChartTheme: ExpressibleByArgument {}
