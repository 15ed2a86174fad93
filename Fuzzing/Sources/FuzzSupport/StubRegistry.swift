internal import Foundation
public import ToolDispatch

/// The registry every tool-call input goes through: the ``StubTool`` over a workspace folder
/// holding one file, `a.gif`, and a subfolder `maps`.
public enum StubRegistry {
  /// The registry (a short timeout: a hang is a finding, not a wait).
  public static let registry: ToolRegistry = {
    let registry = ToolRegistry(policy: .init(maxConcurrentHeavyCalls: 2, timeoutSeconds: 5))
    do { try registry.register(StubTool()) } catch { fatalError("stub tool schema: \(error)") }
    return registry
  }()

  /// The workspace the calls run in.
  public static let context: ToolContext = {
    let root = ScratchFile.folder + "/workspace"
    try? FileManager.default.createDirectory(
      atPath: root + "/maps", withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: root + "/a.gif", contents: Data("GIF89a".utf8))
    do { return ToolContext(workspace: try Workspace(root: root)) } catch {
      fatalError("workspace: \(error)")
    }
  }()

  /// Builds the registry and workspace before fuzzing starts, so their one-time allocations
  /// are not taken for a leak of the first input.
  public static func prepare() {
    _ = registry.definitions
    _ = context.workspace.root
  }

  /// Calls `name` with `arguments` and renders the answer as a model would get it; any
  /// result, error or not, is fine.
  public static func call(_ call: ToolCall) {
    let result = blocking { () -> ToolResult in
      do {
        return try await registry.call(name: call.name, arguments: call.arguments, context: context)
      } catch {
        return ToolResult(isError: true, text: "\(error)")
      }
    }
    _ = ToolCall.answers([(call, result)])
    _ = result.modelText
  }
}
