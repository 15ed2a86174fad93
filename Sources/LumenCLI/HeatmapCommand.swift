import ArgumentParser
import Charting
import Foundation
import Heatmaps
import LumenCore
import Tables

extension Root {
  /// `lumen heatmap`: a heatmap from a table file.
  struct HeatmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "heatmap",
      abstract: "Draw a heatmap from a table: a matrix, a pivot, or a calendar.",
      discussion: """
        A matrix is read as it stands (first column the row labels, the header the column \
        labels). --lat and --lon bin points over a bundled basemap (a density map, offline). --x and --y pivot a long table, counting rows or aggregating --value; a date \
        column is bucketed with a prefix: hour:, weekday:, day:, month:, year:, date:. \
        --calendar lays dates out as weeks across and weekdays down, a block per year.

        -o names a .html page (one file, no network: the cells on a canvas, the exact value \
        on hover, wheel or +/- to zoom, drag to pan, arrow keys to move), or a .png, .svg or \
        .pdf image with a colour bar and, when they fit, the values in the cells.

        Examples:
          lumen heatmap corr.csv --scale rdbu --range -1,1 -o corr.html
          lumen heatmap events.csv --x hour:time --y weekday:time -o busy.html
          lumen heatmap hourly.csv --x hour:time --y month:time --value temp \\
            --agg mean -o temp.png
          lumen heatmap daily.csv --calendar day --value sales -o sales.html
          lumen heatmap genes.csv --order cluster --scale magma -o genes.pdf
          lumen heatmap quakes.csv --lat latitude --lon longitude --region world \\
            --log -o quakes.html
        """)

    @Argument(help: "The table file.")
    var data: String

    @Option(help: HeatmapOptions.field("x").help())
    var x: String?

    @Option(help: HeatmapOptions.field("y").help())
    var y: String?

    @Option(help: HeatmapOptions.field("value").help())
    var value: String?

    @Option(help: HeatmapOptions.field("agg").help())
    var agg: HeatmapAggregation?

    @Option(help: HeatmapOptions.field("calendar").help())
    var calendar: String?

    @Option(help: HeatmapOptions.field("lat").help())
    var lat: String?

    @Option(help: HeatmapOptions.field("lon").help())
    var lon: String?

    @Option(help: HeatmapOptions.field("weight").help())
    var weight: String?

    @Option(help: HeatmapOptions.field("region").help())
    var region = "auto"

    @Option(help: HeatmapOptions.field("radius").help())
    var radius = HeatmapOptions().radius

    @Flag(help: HeatmapOptions.field("matrix").help())
    var matrix = false

    @Option(help: HeatmapOptions.field("scale").help())
    var scale: HeatmapScale = .viridis

    @Option(help: HeatmapOptions.field("center").help())
    var center: Double?

    @Option(help: HeatmapOptions.field("range").help())
    var range: String?

    @Flag(help: HeatmapOptions.field("log").help())
    var log = false

    @Option(help: HeatmapOptions.field("order").help())
    var order: HeatmapOrder = .given

    @Option(help: HeatmapOptions.field("annotate").help())
    var annotate: HeatmapAnnotation = .auto

    @Option(help: HeatmapOptions.field("format").help())
    var format: String?

    @Option(help: HeatmapOptions.field("title").help())
    var title: String?

    @Option(help: HeatmapOptions.field("x_title").help())
    var xTitle: String?

    @Option(help: HeatmapOptions.field("y_title").help())
    var yTitle: String?

    @Option(help: HeatmapOptions.field("size").help())
    var size = "900x600"

    @Option(help: HeatmapOptions.field("sheet").help())
    var sheet: String?

    @Option(name: .shortAndLong, help: "The heatmap file: .html, .png, .svg or .pdf.")
    var output: String

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions

    func validate() throws {
      guard ChartOutputFormat(outputName: output) != nil else {
        throw ValidationError(
          "-o \(output): the heatmap file must end in .html, .png, .svg or .pdf")
      }
      do { try makeOptions().validate() } catch {
        throw HeatmapOptions.commandError(error)
      }
    }

    func run() throws {
      let report: HeatmapReport
      do {
        report = try Heatmap.make(
          data: data, output: output, options: makeOptions(),
          overwrite: outputOptions.overwrite
        ).report
      } catch {
        throw CommandFailure.report(
          error, json: outputOptions.json, file: data, verbose: outputOptions.verbose)
      }
      Report.print(report, json: outputOptions.json) { report in
        ([report.summary] + report.warnings.map { "warning: \($0)" }).joined(separator: "\n")
      }
    }

    /// The options from the flags, through HeatmapOptions' decoder (as the tool's arguments are).
    func makeOptions() throws -> HeatmapOptions {
      try HeatmapOptions.decoding([
        "x": x, "y": y, "value": value, "agg": agg?.rawValue, "calendar": calendar, "lat": lat,
        "lon": lon, "weight": weight, "region": region,
        "radius": radius,
        "matrix": matrix, "scale": scale.rawValue, "center": center, "range": range, "log": log,
        "order": order.rawValue, "annotate": annotate.rawValue, "format": format,
        "title": title, "x_title": xTitle, "y_title": yTitle, "size": size, "sheet": sheet,
      ])
    }
  }
}

extension HeatmapAggregation: ExpressibleByArgument {}
extension HeatmapScale: ExpressibleByArgument {}
extension HeatmapOrder: ExpressibleByArgument {}
extension HeatmapAnnotation: ExpressibleByArgument {}
