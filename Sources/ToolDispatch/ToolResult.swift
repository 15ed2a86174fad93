/// What a tool call produced: a short text, the structured report, the files it wrote
/// (workspace-relative), and whether it failed.
public struct ToolResult: Sendable, Hashable {
  public var isError: Bool
  public var text: String
  public var structured: JSONValue?
  public var files: [String]

  public init(isError: Bool, text: String, structured: JSONValue? = nil, files: [String] = []) {
    self.isError = isError
    self.text = text
    self.structured = structured
    self.files = files
  }

  /// The text a model reads: the summary, the files, and the report as JSON.
  public var modelText: String {
    var parts = [isError ? "Error: \(text)" : text]
    if !files.isEmpty { parts.append("Files: " + files.joined(separator: ", ")) }
    if let structured, let json = try? JSONText.encode(structured) { parts.append(json) }
    return parts.joined(separator: "\n")
  }
}
