/// One call a model asked for.
public struct ToolCall: Sendable, Hashable {
  public var id: String
  public var name: String
  public var arguments: JSONValue
  /// The dialect it came in, so the answer goes back in the same one.
  public var format: WireFormat

  public init(id: String, name: String, arguments: JSONValue, format: WireFormat) {
    self.id = id
    self.name = name
    self.arguments = arguments
    self.format = format
  }

  /// Reads the calls from a single call or a whole assistant message in any of the three
  /// dialects (OpenAI `tool_calls`, Responses `function_call` items, Anthropic `tool_use`).
  public static func parse(_ message: JSONValue) throws(ToolError) -> [ToolCall] {
    if case .array(let items) = message {
      var calls: [ToolCall] = []
      for item in items { calls += try parse(item) }
      return calls
    }
    guard case .object(let object) = message else {
      throw .malformedCall("expected a JSON object or array")
    }
    if case .array(let toolCalls)? = object["tool_calls"] {
      var calls: [ToolCall] = []
      for call in toolCalls { calls += try parse(call) }
      return calls
    }
    if case .array(let output)? = object["output"] { return try parse(.array(output)) }
    if case .array(let content)? = object["content"] {
      var calls: [ToolCall] = []
      for block in content where block["type"]?.stringValue == "tool_use" {
        calls += try parse(block)
      }
      return calls
    }
    switch object["type"]?.stringValue {
    case "function":
      guard let id = object["id"]?.stringValue, case .object(let function)? = object["function"],
        let name = function["name"]?.stringValue
      else { throw .malformedCall("an OpenAI tool call needs id and function.name") }
      return [
        ToolCall(
          id: id, name: name, arguments: try arguments(function["arguments"]), format: .openai)
      ]
    case "function_call":
      guard let id = object["call_id"]?.stringValue, let name = object["name"]?.stringValue else {
        throw .malformedCall("a Responses function_call needs call_id and name")
      }
      return [
        ToolCall(
          id: id, name: name, arguments: try arguments(object["arguments"]), format: .responses)
      ]
    case "tool_use":
      guard let id = object["id"]?.stringValue, let name = object["name"]?.stringValue,
        let input = object["input"]
      else { throw .malformedCall("an Anthropic tool_use block needs id, name and input") }
      return [ToolCall(id: id, name: name, arguments: input, format: .anthropic)]
    default:
      return []
    }
  }

  /// OpenAI and Responses send arguments as a JSON string; accept an object too.
  private static func arguments(_ value: JSONValue?) throws(ToolError) -> JSONValue {
    switch value {
    case .string(let text)?:
      do { return try JSONText.decode(text) } catch {
        throw .malformedCall("arguments are not valid JSON: \(text.prefix(80))")
      }
    case .object?: return value!
    default: throw .malformedCall("missing arguments")
    }
  }

  /// The answer message(s) for this call's result, in its dialect.
  public func answer(_ result: ToolResult) -> JSONValue {
    switch format {
    case .openai, .mcp:
      return .object([
        "role": .string("tool"), "tool_call_id": .string(id), "content": .string(result.modelText),
      ])
    case .responses:
      return .object([
        "type": .string("function_call_output"), "call_id": .string(id),
        "output": .string(result.modelText),
      ])
    case .anthropic:
      return .object([
        "type": .string("tool_result"), "tool_use_id": .string(id),
        "content": .string(result.modelText),
        "is_error": .bool(result.isError),
      ])
    }
  }

  /// All answers for a batch of calls: OpenAI gets one `tool` message per call, Responses a
  /// list of outputs, Anthropic one `user` message with every `tool_result` block.
  public static func answers(_ pairs: [(ToolCall, ToolResult)]) -> JSONValue {
    guard let format = pairs.first?.0.format else { return .array([]) }
    let blocks = pairs.map { $0.0.answer($0.1) }
    if format == .anthropic {
      return .object(["role": .string("user"), "content": .array(blocks)])
    }
    return .array(blocks)
  }
}
