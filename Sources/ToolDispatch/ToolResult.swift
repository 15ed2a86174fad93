/// What a tool call produced: a short text, the structured report, the files it wrote
/// (workspace-relative), an optional small preview image, and whether it failed.
public struct ToolResult: Sendable, Hashable {
  public var isError: Bool
  public var text: String
  public var structured: JSONValue?
  public var files: [String]
  /// A small image to show inline (MCP image content); only when the call asked for one.
  public var preview: ToolPreview?

  public init(
    isError: Bool, text: String, structured: JSONValue? = nil, files: [String] = [],
    preview: ToolPreview? = nil
  ) {
    self.isError = isError
    self.text = text
    self.structured = structured
    self.files = files
    self.preview = preview
  }

  /// The text a model reads: the summary, the files, and the report as JSON.
  public var modelText: String {
    var parts = [isError ? "Error: \(text)" : text]
    if !files.isEmpty { parts.append("Files: " + files.joined(separator: ", ")) }
    if let structured, let json = try? JSONText.encode(structured) { parts.append(json) }
    return parts.joined(separator: "\n")
  }
}
