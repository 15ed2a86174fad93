import ArgumentParser

/// Flags every subcommand shares: how results are reported.
struct OutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print a machine-readable JSON report on stdout.")
  var json = false

  @Flag(name: .shortAndLong, help: "Log details to stderr.")
  var verbose = false

  @Flag(name: .long, help: "Never draw a progress bar.")
  var noProgress = false
}
