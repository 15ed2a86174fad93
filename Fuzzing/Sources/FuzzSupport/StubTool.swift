public import ToolDispatch

/// A tool with one argument of every kind the schema recorder knows, for fuzzing validation
/// and dispatch without media work.
///
/// Running it checks its paths against the workspace (as real tools do) and echoes the
/// arguments; it never writes a file.
public struct StubTool: Tool {
  public typealias Output = Report

  /// The echoed arguments.
  public struct Report: Codable, Sendable {
    var input: String
    var count: Int
  }

  public struct Arguments: ToolArguments {
    public enum Mode: String, SchemaEnum { case fast, slow, exact }

    var input: String
    var output: String?
    var count: Int
    var ratio: Double?
    var verbose: Bool?
    var mode: Mode?
    var tags: [String]?
    var sizes: [Int]?
    var modes: [Mode]?

    enum CodingKeys: String, CodingKey {
      case input, output, count, ratio, verbose, mode, tags, sizes, modes
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      input = try c.decode(String.self, forKey: .input)
      output = try c.decodeIfPresent(String.self, forKey: .output)
      count = try c.decode(Int.self, forKey: .count)
      ratio = try c.decodeIfPresent(Double.self, forKey: .ratio)
      verbose = try c.decodeIfPresent(Bool.self, forKey: .verbose)
      mode = try c.decodeIfPresent(Mode.self, forKey: .mode)
      tags = try c.decodeIfPresent([String].self, forKey: .tags)
      sizes = try c.decodeIfPresent([Int].self, forKey: .sizes)
      modes = try c.decodeIfPresent([Mode].self, forKey: .modes)
    }

    public static let fieldDescriptions = [
      "input": "A file in the workspace.", "output": "A new file in the workspace.",
      "count": "How many.",
      "ratio": "A share.", "verbose": "Say more.", "mode": "How.", "tags": "Labels.",
      "sizes": "Sizes.",
      "modes": "Several modes.",
    ]
    public static let fieldBounds: [String: ClosedRange<Double>] = [
      "count": 1...100, "ratio": 0...1, "sizes": 1...4_096,
    ]
  }

  public init() {}

  public let name = "stub"
  public let title = "Stub"
  public let description = "Checks its paths against the workspace and echoes its arguments."
  public let exampleArguments =
    #"{"input": "a.gif", "output": null, "count": 3, "ratio": null, "verbose": null, "mode": null, "tags": null, "sizes": null, "modes": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    let input = try context.workspace.input(arguments.input, field: "input")
    if let output = arguments.output { _ = try context.workspace.output(output, field: "output") }
    let report = Report(input: input, count: arguments.count)
    return ToolResult(
      isError: false, text: "stub \(arguments.count) \(arguments.mode?.rawValue ?? "-")",
      structured: try JSONText.value(of: report))
  }
}
