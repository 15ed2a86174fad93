import ArgumentParser
import Foundation
import LumenCore
import TableAnalysis

extension Root {
  /// `lumen analyze`: the statistics, charts and report that explain a table.
  struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "analyze",
      abstract: "Analyse a table: stats.json, charts chosen by rule, and report.html.",
      discussion: """
        One streaming pass over a CSV/TSV, JSON Lines, JSON or .xlsx file (memory holds one \
        batch of rows and a bounded state per column; columns are analysed in parallel). -o \
        names a folder, created if missing, that receives:
          stats.json    per column: kind and why, count, missing, distinct, mean, std, \
        min, p25, p50, p75, max, skew, outliers, top values; correlations; warnings
          charts/       PNG and SVG of up to --max-charts charts, each with its reason
          report.html   one page, no network: overview, warnings, charts, columns

        Quantiles are exact up to --exact-limit values per column, then come from a \
        mergeable sketch whose rank error stats.json states; distinct counts are exact up to \
        100,000 values, then HyperLogLog (±0.8 %).

        Shards of one dataset: --partial writes a shard's mergeable state to the file -o \
        names; --merge STATE... -o DIR combines them (rows in the order given).

        Examples:
          lumen analyze sales.csv -o sales-analysis
          lumen analyze weather.csv -o out --json          (stats.json on stdout)
          lumen analyze orders.xlsx --sheet 2024 --columns date,region,total -o out
          lumen analyze --partial part-0003.csv -o part-0003.state
          lumen analyze --merge part-*.state -o all-analysis
        """)

    @Argument(help: "The table file (with --merge: the partial state files).")
    var inputs: [String] = []

    @Option(help: AnalysisOptions.field("columns").help())
    var columns: String?

    @Option(help: AnalysisOptions.field("max_charts").help())
    var maxCharts = AnalysisOptions().maxCharts

    @Option(help: AnalysisOptions.field("exact_limit").help())
    var exactLimit = AnalysisOptions().exactLimit

    @Option(help: AnalysisOptions.field("sheet").help())
    var sheet: String?

    @Flag(help: "Write this shard's mergeable state to the file -o names (no charts or report).")
    var partial = false

    @Flag(help: "Combine partial state files (the arguments) into the folder -o names.")
    var merge = false

    @Flag(help: "With --json, print a short summary instead of the whole stats document.")
    var summary = false

    @Option(
      name: .shortAndLong,
      help: "The output folder (created if missing); with --partial, the state file.")
    var output: String

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions

    func validate() throws {
      if partial && merge {
        throw ValidationError(
          "--partial and --merge do not go together: analyse shards, then merge")
      }
      if merge {
        guard !inputs.isEmpty else {
          throw ValidationError("--merge needs the partial state files to combine")
        }
      } else {
        guard inputs.count == 1 else {
          throw ValidationError(
            inputs.isEmpty
              ? "give the table file to analyse, e.g. lumen analyze data.csv -o out"
              : "give one table file (several are partial states: use --merge)")
        }
      }
      do { try makeOptions().validate() } catch {
        throw AnalysisOptions.commandError(error)
      }
    }

    func run() throws {
      let report: AnalysisReport
      do {
        let options = try makeOptions()
        if merge {
          report = try TableAnalysis.merge(
            states: inputs, output: output, options: options, overwrite: outputOptions.overwrite)
        } else if partial {
          report = try TableAnalysis.writePartial(
            data: inputs[0], output: output, options: options,
            overwrite: outputOptions.overwrite)
        } else {
          report = try TableAnalysis.analyze(
            data: inputs[0], output: output, options: options,
            overwrite: outputOptions.overwrite)
        }
      } catch {
        throw CommandFailure.report(
          error, json: outputOptions.json, file: inputs.first ?? output,
          verbose: outputOptions.verbose)
      }
      if outputOptions.json, let statistics = report.statistics {
        if summary {
          Report.print(AnalysisSummary(report: report, statistics: statistics), json: true) {
            _ in ""
          }
        } else if let bytes = report.statisticsJSON {
          print(String(decoding: bytes, as: UTF8.self))  // stats.json's bytes, not encoded again
        } else {
          Report.print(statistics, json: true) { _ in "" }
        }
        return
      }
      Report.print(report, json: outputOptions.json) { report in
        ([report.summary] + report.warnings.map { "warning: \($0)" }).joined(separator: "\n")
      }
    }

    /// The options from the flags, through AnalysisOptions' decoder (as the tool's arguments
    /// are).
    func makeOptions() throws -> AnalysisOptions {
      try AnalysisOptions.decoding([
        "columns": columns, "max_charts": maxCharts, "exact_limit": exactLimit, "sheet": sheet,
      ])
    }
  }
}
