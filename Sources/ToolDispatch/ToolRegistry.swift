internal import Locking

/// The tools on offer, and the one place calls go through: validation, the concurrency cap,
/// the timeout, and turning every failure into a result the model can act on.
///
/// ```swift
/// let registry = ToolRegistry(policy: .init())
/// registry.register(MyTool())
/// let result = try await registry.call(name: "my_tool", arguments: json, context: context)
/// ```
public final class ToolRegistry: Sendable {
  /// What the server tells a model it is for (MCP `instructions`).
  public let instructions: String

  /// Limits set by the server, never by arguments.
  public struct Policy: Sendable {
    /// Heavy calls allowed at once; more get "busy, retry" instead of queueing.
    public var maxConcurrentHeavyCalls: Int
    /// Seconds before a call is cancelled.
    public var timeoutSeconds: Double

    public init(maxConcurrentHeavyCalls: Int = 2, timeoutSeconds: Double = 300) {
      self.maxConcurrentHeavyCalls = maxConcurrentHeavyCalls
      self.timeoutSeconds = timeoutSeconds
    }
  }

  /// A tool's definition in wire-neutral form.
  public struct Definition: Sendable, Hashable {
    public var name: String
    /// A short title for people.
    public var title: String
    public var description: String
    /// Only reads (MCP `readOnlyHint`); no tool is destructive or reaches outside the machine.
    public var isReadOnly: Bool
    public var inputSchema: JSONValue
    /// The schema of the structured report (optional fields may be absent).
    public var outputSchema: JSONValue
  }

  private struct Entry: Sendable {
    var definition: Definition
    var schema: JSONSchema
    var example: String
    var isHeavy: Bool
    var run: @Sendable (JSONValue, ToolContext) async throws -> ToolResult
  }

  public let policy: Policy
  /// Where heavy calls run: threads of their own, never the cooperative pool.
  private let heavyExecutor: HeavyWorkExecutor
  private let entries = Locked<[String: Entry]>([:])
  private let order = Locked<[String]>([])
  private let heavyCalls = Locked(0)
  private let describeFailure: @Sendable (any Error) -> String?

  /// - Parameters:
  ///   - describeFailure: The text a tool's error becomes (the tools' own error model, which
  ///     the dispatcher does not know); `nil` for an error it does not describe, which then
  ///     reads as its `description`.
  public init(
    policy: Policy = Policy(), instructions: String = "",
    describeFailure: @escaping @Sendable (any Error) -> String? = { _ in nil }
  ) {
    self.policy = policy
    self.heavyExecutor = HeavyWorkExecutor.shared(threads: policy.maxConcurrentHeavyCalls)
    self.instructions = instructions
    self.describeFailure = describeFailure
  }

  /// Adds a tool; its schema is derived from its argument type.
  public func register<T: Tool>(_ tool: T) throws {
    precondition(
      tool.name.range(of: "^[a-zA-Z0-9_-]{1,64}$", options: .regularExpression) != nil,
      "invalid tool name \(tool.name)")
    let schema = try T.Arguments.schema
    let output = try SchemaRecorder.outputSchema(of: T.Output.self)
    let entry = Entry(
      definition: Definition(
        name: tool.name, title: tool.title, description: tool.description,
        isReadOnly: tool.isReadOnly,
        inputSchema: schema.json, outputSchema: output.json),
      schema: schema, example: tool.exampleArguments, isHeavy: tool.isHeavy,
      run: { arguments, context in
        let decoded = try JSONText.decode(T.Arguments.self, from: arguments)
        return try await tool.run(decoded, context: context)
      })
    entries.withLock { $0[tool.name] = entry }
    order.withLock { $0.append(tool.name) }
  }

  /// The definitions, in registration order.
  public var definitions: [Definition] {
    let all = entries.withLock { $0 }
    return order.withLock { $0 }.compactMap { all[$0]?.definition }
  }

  /// Calls a tool. Throws only for an unknown tool; every other failure is a result with
  /// `isError` set, naming what went wrong.
  public func call(name: String, arguments: JSONValue, context: ToolContext) async throws(ToolError)
    -> ToolResult
  {
    guard let entry = entries.withLock({ $0[name] }) else { throw .unknownTool(name) }
    let issues = ArgumentValidator.issues(arguments, against: entry.schema)
    guard issues.isEmpty else {
      return ToolResult(
        isError: true, text: ToolError.invalidArguments(issues, example: entry.example).description)
    }
    if entry.isHeavy {
      let admitted = heavyCalls.withLock { count in
        guard count < policy.maxConcurrentHeavyCalls else { return false }
        count += 1
        return true
      }
      guard admitted else {
        return ToolResult(
          isError: true, text: ToolError.busy(limit: policy.maxConcurrentHeavyCalls).description)
      }
    }
    defer { if entry.isHeavy { heavyCalls.withLock { $0 -= 1 } } }
    do {
      let executor: HeavyWorkExecutor? = entry.isHeavy ? heavyExecutor : nil
      return try await withTimeout(policy.timeoutSeconds) {
        try await withTaskExecutorPreference(executor) { try await entry.run(arguments, context) }
      }
    } catch let error as ToolError {
      return ToolResult(isError: true, text: error.description)
    } catch is CancellationError {
      return ToolResult(isError: true, text: "cancelled")
    } catch {
      return ToolResult(isError: true, text: describeFailure(error) ?? "\(error)")
    }
  }

  private func withTimeout<T: Sendable>(
    _ seconds: Double, _ body: @escaping @Sendable () async throws -> T
  ) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
      group.addTask { try await body() }
      group.addTask {
        // Sleep in short steps: a cancelled `Task.sleep` keeps its timer (≈ 1 KB) until the
        // original deadline, so one long sleep per call grew the server by that much per call.
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
          try await Task.sleep(for: min(.milliseconds(250), deadline - ContinuousClock.now))
        }
        throw ToolError.timedOut(seconds: seconds)
      }
      defer { group.cancelAll() }
      return try await group.next()!
    }
  }
}
