public import ArgumentParser

/// The `lumen` command: media jobs as single native operations.

public struct Root: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "lumen",
    abstract: "Fast, exact media jobs: GIF to video, and more.",
    discussion: """
      Examples:
        lumen gif2video Fixtures/demo.gif -o demo.mp4
        lumen gif2video in.gif --codec vp9 -o in.webm --background '#000000'
        lumen gif2video in.gif --json
      """,
    version: LumenVersion.current,
    subcommands: [GIF2Video.self])

  public init() {}
}
