/// What a tool call produced: a short text, the structured report, the files it wrote
/// (workspace-relative), small preview images, and whether it failed.
public struct ToolResult: Sendable, Hashable {
  public var isError: Bool
  public var text: String
  public var structured: JSONValue?
  public var files: [String]
  /// Small images to show inline (MCP image content), in order; only when the call asked.
  public var previews: [ToolPreview]

  /// The first preview.
  public var preview: ToolPreview? { previews.first }

  public init(
    isError: Bool, text: String, structured: JSONValue? = nil, files: [String] = [],
    preview: ToolPreview? = nil, previews: [ToolPreview] = []
  ) {
    self.isError = isError
    self.text = text
    self.structured = structured
    self.files = files
    self.previews = (preview.map { [$0] } ?? []) + previews
  }

  /// The text a model reads: the summary, the files, and the report as JSON.
  public var modelText: String {
    var parts = [isError ? "Error: \(text)" : text]
    if !files.isEmpty { parts.append("Files: " + files.joined(separator: ", ")) }
    if let structured, let json = try? JSONText.encode(structured) { parts.append(json) }
    return parts.joined(separator: "\n")
  }
}
