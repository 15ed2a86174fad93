/// The function-calling dialects: OpenAI Chat Completions, OpenAI Responses, Anthropic
/// Messages, and MCP's `tools/list`.
public enum WireFormat: String, Sendable, CaseIterable, Codable {
  case openai, responses, anthropic, mcp

  /// The tool definitions as this dialect lists them.
  public func definitions(_ definitions: [ToolRegistry.Definition]) -> JSONValue {
    switch self {
    case .openai:
      return .array(
        definitions.map { definition in
          .object([
            "type": .string("function"),
            "function": .object([
              "name": .string(definition.name), "description": .string(definition.description),
              "parameters": definition.inputSchema, "strict": .bool(true),
            ]),
          ])
        })
    case .responses:
      return .array(
        definitions.map { definition in
          .object([
            "type": .string("function"), "name": .string(definition.name),
            "description": .string(definition.description), "parameters": definition.inputSchema,
            "strict": .bool(true),
          ])
        })
    case .anthropic:
      return .array(
        definitions.map { definition in
          .object([
            "name": .string(definition.name), "description": .string(definition.description),
            "input_schema": definition.inputSchema,
          ])
        })
    case .mcp:
      return .object([
        "tools": .array(
          definitions.map { definition in
            .object([
              "name": .string(definition.name), "title": .string(definition.title),
              "description": .string(definition.description),
              "inputSchema": definition.inputSchema, "outputSchema": definition.outputSchema,
              "annotations": .object([
                "title": .string(definition.title), "readOnlyHint": .bool(definition.isReadOnly),
                "destructiveHint": .bool(false), "idempotentHint": .bool(definition.isReadOnly),
                "openWorldHint": .bool(false),
              ]),
            ])
          })
      ])
    }
  }
}
