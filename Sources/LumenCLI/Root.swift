public import ArgumentParser

/// The `lumen` command: media jobs as single native operations.

public struct Root: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "lumen",
    abstract: "Fast, exact media jobs: GIF to video, colour palettes, and more.",
    discussion: """
      Examples:
        lumen gif2video Fixtures/demo.gif -o demo.mp4
        lumen gif2video in.gif --codec vp9 -o in.webm --background '#000000'
        lumen gif2video in.gif --json
        lumen palette photo.jpg -k 8
        lumen palette logo.png -k auto --exclude white --swatch swatch.png
        lumen tools --format anthropic
        lumen call --workspace media < assistant-message.json
      """,
    version: LumenVersion.current,
    subcommands: [GIF2Video.self, PaletteCommand.self, MapCommand.self, ToolsCommand.self, CallCommand.self, MCPCommand.self])

  public init() {}
}
