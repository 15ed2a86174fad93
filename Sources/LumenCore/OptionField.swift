/// One setting of an operation, described once for the command line and for tools: its key,
/// what it does, what leaving it out means, and its numeric range.
///
/// The tool schema's field description is ``toolDescription(bounds:)``; the command's `--help`
/// shows ``commandHelp``; both state the same range and default.
public struct OptionField: Sendable, Hashable {
  /// The key in tool arguments and JSON, snake_case (`max_width`); the command-line flag is
  /// the same words in kebab-case (`--max-width`) unless the command says otherwise.
  public var key: String
  /// What it does, as one phrase ("Frames per second").
  public var help: String
  /// What leaving it out (null in a tool call) means: "null for 23", "null for none, keeping
  /// the size".
  public var absent: String
  /// Inclusive bounds of a number (the schema's minimum and maximum).
  public var bounds: ClosedRange<Double>?
  /// Whether ``help`` states the range itself (when it depends on another setting); otherwise
  /// the range is written from ``bounds``.
  public var helpStatesRange: Bool

  public init(
    _ key: String, _ help: String, absent: String, bounds: ClosedRange<Double>? = nil,
    helpStatesRange: Bool = false
  ) {
    self.key = key
    self.help = help
    self.absent = absent
    self.bounds = bounds
    self.helpStatesRange = helpStatesRange
  }

  /// The phrase with its range: "Frames per second (1–50)".
  public func helpWithRange(_ bounds: ClosedRange<Double>? = nil) -> String {
    guard !helpStatesRange, let range = bounds ?? self.bounds else { return help }
    return "\(help) (\(Self.number(range.lowerBound))–\(Self.number(range.upperBound)))"
  }

  /// The description a model reads: what it does and its range (`bounds`, when a tool narrows
  /// the operation's), then what null means.
  public func toolDescription(bounds: ClosedRange<Double>? = nil) -> String {
    "\(helpWithRange(bounds)); \(absent)."
  }

  /// The help `--help` shows.
  public var commandHelp: String { helpWithRange() }

  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e16 ? String(Int(value)) : String(value)
  }
}
