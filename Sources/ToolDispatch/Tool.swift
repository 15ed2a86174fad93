/// A function a model can call: defined once, offered in every wire format.
public protocol Tool: Sendable {
  associatedtype Arguments: ToolArguments
  /// The report the tool returns as ``ToolResult/structured``; its `init(from:)` gives the
  /// tool's output schema, as the arguments' gives the input schema.
  associatedtype Output: Decodable
  /// `^[a-zA-Z0-9_-]{1,64}$`, snake_case (`gif_to_video`).
  var name: String { get }
  /// For people: a short title ("GIF to video").
  var title: String { get }
  /// Whether the tool only reads (a listing); tools that write new files are not read-only,
  /// though none of them destroys anything (outputs must be new files).
  var isReadOnly: Bool { get }
  /// For the model: what it does, when to use it, what it returns.
  var description: String { get }
  /// A valid call's arguments, shown with validation errors.
  var exampleArguments: String { get }
  /// Whether the call is heavy (counted against the concurrency cap).
  var isHeavy: Bool { get }
  /// Does the work.
  func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult
}

extension Tool {
  public var isHeavy: Bool { true }
  public var isReadOnly: Bool { false }
}

/// What a tool gets besides its arguments.
public struct ToolContext: Sendable {
  public let workspace: Workspace
  /// Called with work done and expected (frames encoded, for example).
  public let progress: @Sendable (_ done: Int, _ total: Int?) -> Void

  public init(workspace: Workspace, progress: @escaping @Sendable (Int, Int?) -> Void = { _, _ in })
  {
    self.workspace = workspace
    self.progress = progress
  }
}
