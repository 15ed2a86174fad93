import ArgumentParser

/// Flags every subcommand shares: whether outputs may replace files, and how results are
/// reported.
struct OutputOptions: ParsableArguments {
  @Flag(
    name: [.customShort("y"), .long],
    help:
      "Replace an output that already exists (never an input). Without it, existing files are refused."
  )
  var overwrite = false

  @Flag(name: .long, help: "Print a machine-readable JSON report on stdout.")
  var json = false

  @Flag(name: .shortAndLong, help: "Log details to stderr.")
  var verbose = false

  @Flag(name: .long, help: "Never draw a progress bar.")
  var noProgress = false
}
