import Charting
import FFmpegIO
import Foundation
import GIFMaking
import GIFToVideo
import Heatmaps
import LumenCore
import LumenTools
import MapRendering
import PaletteExtraction
import TableAnalysis
import TestSupport
import Testing
import ToolDispatch

/// The CLI and the tools describe one operation: every tool field has its command option
/// (or is listed as tool-only), and where both exist they agree on the default and the
/// allowed values; the defaults the help prose states are the parser's.
@Suite struct OptionAgreementTests {
  /// A tool field and the command option that means the same; `cliDefault`/`toolDefault`
  /// override what is parsed where the two are spelled differently for the same value.
  struct Pair: Sendable, CustomStringConvertible {
    var field: String
    var flag: String
    var toolDefault: String? = nil
    var cliDefault: String? = nil
    var description: String { "\(field) ~ \(flag)" }
  }

  struct Operation: Sendable, CustomStringConvertible {
    var tool: String
    var command: String
    var pairs: [Pair]
    /// Fields only a model has (paths given as arguments, inline previews).
    var toolOnly: Set<String>
    /// Options the tool leaves out on purpose (server limits, encoder tuning, local files).
    var cliOnly: Set<String>
    var description: String { tool }
  }

  static let operations: [Operation] = [
    Operation(
      tool: "gif_to_video", command: "gif2video",
      pairs: [
        Pair(field: "output", flag: "--output", toolDefault: "the", cliDefault: "the"),
        Pair(field: "codec", flag: "--codec"),
        Pair(field: "crf", flag: "--crf"), Pair(field: "preset", flag: "--preset"),
        Pair(field: "background", flag: "--background"),
        Pair(field: "max_width", flag: "--max-width"),
        Pair(field: "loop", flag: "--loop", toolDefault: "1"),
        Pair(field: "fps", flag: "--fps"),
        Pair(field: "keep_duplicates", flag: "--keep-duplicates"),
      ],
      toolOnly: ["input"],
      cliOnly: [
        "--scale", "--threads", "--matrix", "--max-dimension",
        "--max-frame-pixels", "--max-frames", "--max-total-pixels", "--overwrite", "--json",
        "--verbose",
        "--no-progress", "--help", "--version",
      ]),
    Operation(
      tool: "extract_palette", command: "palette",
      pairs: [
        Pair(field: "k", flag: "-k"), Pair(field: "space", flag: "--space"),
        Pair(field: "sort", flag: "--sort"), Pair(field: "frames", flag: "--frames"),
        Pair(field: "exclude", flag: "--exclude"),
        Pair(field: "exact_colors", flag: "--exact-colors"),
        Pair(field: "swatch", flag: "--swatch"),
        Pair(field: "swatch_layout", flag: "--swatch-layout"),
      ],
      toolOnly: ["image", "preview"],
      cliOnly: [
        "--seed", "--inits", "--alpha-threshold", "--pixel-budget",
        "--format", "--output",
        "--max-dimension", "--max-frame-pixels", "--max-frames", "--max-total-pixels",
        "--overwrite", "--json",
        "--verbose", "--no-progress", "--help", "--version",
      ]),
    Operation(
      tool: "render_map_animation", command: "map",
      pairs: [
        Pair(field: "output", flag: "--output", toolDefault: "the", cliDefault: "the"),
        Pair(field: "title", flag: "--title"),
        Pair(field: "region", flag: "--region"), Pair(field: "theme", flag: "--theme"),
        Pair(field: "width", flag: "--size", toolDefault: "800", cliDefault: "800"),
        Pair(field: "height", flag: "--size", toolDefault: "500", cliDefault: "500"),
        Pair(field: "fps", flag: "--fps"), Pair(field: "seconds", flag: "--seconds"),
        Pair(field: "label", flag: "--label"), Pair(field: "lat_column", flag: "--lat"),
        Pair(field: "lon_column", flag: "--lon"), Pair(field: "loop", flag: "--loop"),
        Pair(field: "attribution", flag: "--attribution"), Pair(field: "seed", flag: "--seed"),
      ],
      toolOnly: ["points", "preview"],
      cliOnly: [
        "--dither", "--crf", "--max-points", "--overwrite",
        "--json",
        "--verbose", "--no-progress", "--help", "--version",
      ]),
    Operation(
      tool: "make_chart", command: "chart",
      pairs: [
        Pair(field: "kind", flag: "--kind"), Pair(field: "x", flag: "--x"),
        Pair(field: "y", flag: "--y"), Pair(field: "color", flag: "--color"),
        Pair(field: "size_by", flag: "--size-by"), Pair(field: "agg", flag: "--agg"),
        Pair(field: "time_unit", flag: "--time-unit"), Pair(field: "bins", flag: "--bins"),
        Pair(field: "sort", flag: "--sort"), Pair(field: "top", flag: "--top"),
        Pair(field: "log_x", flag: "--log-x"), Pair(field: "log_y", flag: "--log-y"),
        Pair(field: "stack", flag: "--stack"), Pair(field: "horizontal", flag: "--horizontal"),
        Pair(field: "title", flag: "--title"), Pair(field: "x_title", flag: "--x-title"),
        Pair(field: "y_title", flag: "--y-title"), Pair(field: "theme", flag: "--theme"),
        Pair(field: "size", flag: "--size"), Pair(field: "scale", flag: "--scale"),
        Pair(field: "sheet", flag: "--sheet"),
        Pair(field: "output", flag: "--output"),
      ],
      toolOnly: ["data", "preview"],
      cliOnly: ["--overwrite", "--json", "--verbose", "--no-progress", "--help", "--version"]),
    Operation(
      tool: "make_heatmap", command: "heatmap",
      pairs: [
        Pair(field: "x", flag: "--x"), Pair(field: "y", flag: "--y"),
        Pair(field: "value", flag: "--value"), Pair(field: "agg", flag: "--agg"),
        Pair(field: "calendar", flag: "--calendar"), Pair(field: "matrix", flag: "--matrix"),
        Pair(field: "lat", flag: "--lat"), Pair(field: "lon", flag: "--lon"),
        Pair(field: "weight", flag: "--weight"), Pair(field: "region", flag: "--region"),
        Pair(field: "radius", flag: "--radius"),
        Pair(field: "scale", flag: "--scale"), Pair(field: "center", flag: "--center"),
        Pair(field: "range", flag: "--range"), Pair(field: "log", flag: "--log"),
        Pair(field: "order", flag: "--order"), Pair(field: "annotate", flag: "--annotate"),
        Pair(field: "format", flag: "--format"),
        Pair(field: "title", flag: "--title"), Pair(field: "x_title", flag: "--x-title"),
        Pair(field: "y_title", flag: "--y-title"), Pair(field: "size", flag: "--size"),
        Pair(field: "sheet", flag: "--sheet"),
        Pair(field: "output", flag: "--output"),
      ],
      toolOnly: ["data", "preview"],
      cliOnly: ["--overwrite", "--json", "--verbose", "--no-progress", "--help", "--version"]),
    Operation(
      tool: "analyze_table", command: "analyze",
      pairs: [
        Pair(field: "columns", flag: "--columns"),
        Pair(field: "max_charts", flag: "--max-charts"),
        Pair(field: "exact_limit", flag: "--exact-limit"), Pair(field: "sheet", flag: "--sheet"),
        Pair(field: "output", flag: "--output"),
      ],
      toolOnly: ["data", "preview"],
      cliOnly: [
        "--overwrite", "--json", "--verbose", "--no-progress", "--help", "--version",
        "--partial", "--merge", "--summary",
      ]),
    Operation(
      tool: "make_gif", command: "gif",
      pairs: [
        "start", "end", "duration", "fps", "delay", "width", "height", "max_width", "crop",
        "speed", "reverse", "boomerang", "loop", "caption", "caption_position", "colors",
        "palette", "dither", "dither_strength", "lossy", "max_bytes", "background",
      ].map { Pair(field: $0, flag: "--" + $0.replacingOccurrences(of: "_", with: "-")) }
        + [Pair(field: "output", flag: "--output", toolDefault: "the", cliDefault: "the")],
      toolOnly: ["inputs", "preview"],
      cliOnly: [
        "--overwrite", "--json", "--verbose", "--no-progress", "--help", "--version",
        "--max-dimension", "--max-frame-pixels", "--max-frames", "--max-total-pixels",
      ]),
  ]

  /// One option of `--help`: its flags, and its text (continuation lines joined).
  struct HelpOption {
    var flags: [String]
    var text: String
    var defaultValue: String? { Self.capture(#"default: [^)]*\)"#, in: text) }
    var values: [String]? {
      Self.capture(#"\(values: [^;)]*[;)]"#, in: text)?.components(separatedBy: ", ")
    }
    static func capture(_ pattern: String, in text: String) -> String? {
      guard let match = text.range(of: pattern, options: .regularExpression) else { return nil }
      let inner = String(text[match])
      guard let open = inner.firstIndex(of: ":") else { return nil }
      return String(inner[inner.index(after: open)...].dropLast()).trimmingCharacters(
        in: .whitespaces
      )
      .replacingOccurrences(of: "default: ", with: "")
    }
  }

  static func helpOptions(_ command: String) throws -> [HelpOption] {
    let run = try Run([command, "--help"])
    var options: [HelpOption] = []
    for line in run.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop { $0 == " " }
      let indent = line.count - trimmed.count
      if indent == 2, trimmed.hasPrefix("-") {
        let flags = String(trimmed).split(separator: " ").prefix { $0.hasPrefix("-") }
          .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        options.append(HelpOption(flags: flags, text: String(trimmed)))
      } else if indent > 2, !options.isEmpty {
        options[options.count - 1].text += " " + trimmed
      } else if !trimmed.isEmpty {
        continue
      }
    }
    return options
  }

  /// The default a tool field's description names: "null for X" (X up to a stop), or the
  /// pair's override.
  static func toolDefault(_ description: String) -> String? {
    guard let range = description.range(of: "null for ") else { return nil }
    let rest = description[range.upperBound...]
    let value = rest.prefix { !" ;,(".contains($0) }
    return String(value.hasSuffix(".") ? value.dropLast() : value)
  }

  @Test(arguments: operations)
  func toolFieldsAndCommandOptionsAgree(_ operation: Operation) throws {
    let registry = try LumenToolbox.registry()
    let definition = try #require(registry.definitions.first { $0.name == operation.tool })
    guard case .object(let properties)? = definition.inputSchema["properties"] else {
      Issue.record("no properties")
      return
    }
    let help = try Self.helpOptions(operation.command)
    let paired = Set(operation.pairs.map(\.field))
    // Every field is paired or declared tool-only; every option paired or declared CLI-only.
    #expect(Set(properties.keys) == paired.union(operation.toolOnly), "\(operation.tool) fields")
    let pairedFlags = Set(operation.pairs.map(\.flag))
    for option in help {
      let known = option.flags.contains {
        pairedFlags.contains($0) || operation.cliOnly.contains($0)
      }
      if !known {
        Issue.record(
          "\(operation.command) \(option.flags) has no tool field and is not declared CLI-only")
      }
    }
    for pair in operation.pairs {
      let option = try #require(help.first { $0.flags.contains(pair.flag) }, "\(pair)")
      let schema = try #require(properties[pair.field])
      let description: String =
        if case .string(let text)? = schema["description"] { text } else { "" }
      // Defaults: both sides say the same value (or both say none).
      let toolSays = pair.toolDefault ?? Self.toolDefault(description)
      let cliSays = pair.cliDefault ?? option.defaultValue ?? Self.proseDefault(option.text)
      if let cliSays, cliSays != "[]" {
        #expect(
          Self.same(toolSays, cliSays),
          "\(operation.tool).\(pair.field) null means \(toolSays ?? "nothing") but \(pair.flag) defaults to \(cliSays)"
        )
      }
      // Allowed values: the tool's enum (without null) equals the option's values.
      if let values = option.values,
        case .array(let allowed)? = schema["enum"] ?? schema["items"]?["enum"]
      {
        let names = allowed.compactMap { value -> String? in
          if case .string(let s) = value { s } else { nil }
        }
        #expect(Set(names) == Set(values), "\(pair): \(names) vs \(values)")
      }
    }
  }

  /// The same default, spelled either way: the first word, numbers compared as numbers.
  static func same(_ a: String?, _ b: String) -> Bool {
    guard let a else { return false }
    func first(_ text: String) -> String {
      String(text.prefix { !" ,;(".contains($0) })
    }
    let (x, y) = (first(a), first(b))
    if let p = Double(x), let q = Double(y) { return p == q }
    return x == y
  }

  /// A default stated in an option's help prose ("default 23 for h264", "default: h264").
  static func proseDefault(_ text: String) -> String? {
    guard let range = text.range(of: #"\(default:? [^ ,;)]+"#, options: .regularExpression) else {
      return nil
    }
    return String(text[range].split(separator: " ")[1]).trimmingCharacters(
      in: CharacterSet(charactersIn: ":,)"))
  }
}

/// Each operation's options type is its one description: every field it documents is read by
/// its decoder (and so is in the tool's schema, with the documented description), and every
/// schema field that is not the tool's own (paths, preview) comes from it.
@Suite struct OneDescriptionTests {
  static func check<Options: OperationOptions>(
    _ options: Options.Type, tool: String, toolOwn: Set<String>,
    narrowed: [String: ClosedRange<Double>] = [:]
  ) throws {
    let registry = try LumenToolbox.registry()
    let definition = try #require(registry.definitions.first { $0.name == tool })
    guard case .object(let properties)? = definition.inputSchema["properties"] else {
      Issue.record("\(tool) has no properties")
      return
    }
    let described = Set(Options.fields.map(\.key))
    #expect(Set(properties.keys).subtracting(toolOwn) == described, "\(tool)")
    for field in Options.fields {
      let description = properties[field.key]?["description"]
      #expect(
        description == .string(field.toolDescription(bounds: narrowed[field.key])),
        "\(tool).\(field.key)")
      if let bounds = narrowed[field.key] ?? field.bounds {
        #expect(properties[field.key]?["maximum"] == .number(bounds.upperBound), "\(field.key)")
      }
    }
  }

  @Test func gifToVideo() throws {
    try Self.check(GIFToVideoOptions.self, tool: "gif_to_video", toolOwn: ["input", "output"])
  }

  @Test func extractPalette() throws {
    try Self.check(
      ExtractPaletteOptions.self, tool: "extract_palette", toolOwn: ["image", "swatch", "preview"])
  }

  @Test func renderMapAnimation() throws {
    try Self.check(
      MapOptions.self, tool: "render_map_animation", toolOwn: ["points", "output", "preview"],
      narrowed: ["width": 16...1920, "height": 16...1080, "fps": 1...30, "seconds": 0.1...30])
  }

  @Test func makeChart() throws {
    try Self.check(ChartOptions.self, tool: "make_chart", toolOwn: ["data", "output", "preview"])
  }

  @Test func makeHeatmap() throws {
    try Self.check(
      HeatmapOptions.self, tool: "make_heatmap", toolOwn: ["data", "output", "preview"])
  }

  @Test func analyzeTable() throws {
    try Self.check(
      AnalysisOptions.self, tool: "analyze_table", toolOwn: ["data", "output", "preview"])
  }

  @Test func makeGIF() throws {
    try Self.check(GIFOptions.self, tool: "make_gif", toolOwn: ["inputs", "output", "preview"])
  }

  /// The command line goes through the same decoder: a bad colour is refused in the option's
  /// words, with the flag named.
  @Test func theCommandLineDecodesThroughTheOptions() throws {
    let run = try Run(["gif2video", Fixtures.path("demo.gif"), "--background", "sort-of-blue"])
    #expect(run.status == 64)
    #expect(run.stderr.contains(#"--background "sort-of-blue" is not a colour"#))
  }
}
