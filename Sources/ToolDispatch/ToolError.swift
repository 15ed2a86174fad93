/// Failures of the dispatcher. Only ``unknownTool`` and ``malformedCall`` are protocol errors;
/// everything else becomes a tool result with the error flag set.
public enum ToolError: Error, Hashable, CustomStringConvertible {
  case unknownTool(String)
  case malformedCall(String)
  case badArgument(field: String, problem: String)
  case invalidArguments([ArgumentValidator.Issue], example: String)
  case busy(limit: Int)
  case timedOut(seconds: Double)
  case invalidWorkspace(String)

  public var description: String {
    switch self {
    case .unknownTool(let name): "unknown tool '\(name)'"
    case .malformedCall(let why): "malformed tool call: \(why)"
    case .badArgument(let field, let problem): "invalid argument \(field): \(problem)"
    case .invalidArguments(let issues, let example):
      "invalid arguments:\n" + issues.map { "- \($0)" }.joined(separator: "\n")
        + "\nA valid call looks like: \(example)"
    case .busy(let limit): "busy: \(limit) heavy calls are already running; retry in a few seconds"
    case .timedOut(let seconds): "timed out after \(Int(seconds)) s and was cancelled"
    case .invalidWorkspace(let why): "invalid workspace: \(why)"
    }
  }
}
