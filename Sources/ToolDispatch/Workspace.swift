internal import Foundation

/// The one folder tools may read and write: every path a model gives is relative to it.
///
/// Refused: absolute paths, `~`, `..` components, NUL bytes, URL schemes, and anything that
/// resolves outside the root through a symlink (resolved, then compared with `root + "/"`).
public struct Workspace: Sendable, Hashable {
  /// The resolved root folder.
  public let root: String

  /// Opens a workspace at an existing folder.
  public init(root: String) throws(ToolError) {
    guard let resolved = Self.realpath(root) else {
      throw .invalidWorkspace("\(root) does not exist")
    }
    self.root = resolved
  }

  /// The absolute path of an existing input file inside the workspace.
  public func input(_ relative: String, field: String) throws(ToolError) -> String {
    try checkSyntax(relative, field: field)
    let joined = root + "/" + relative
    guard let resolved = Self.realpath(joined) else {
      throw .badArgument(field: field, problem: "no such file in the workspace: \(relative)")
    }
    guard resolved.hasPrefix(root + "/") else {
      throw .badArgument(field: field, problem: "\(relative) leads outside the workspace (symlink)")
    }
    return resolved
  }

  /// The absolute path of a new output file inside the workspace (it must not exist yet).
  public func output(_ relative: String, field: String) throws(ToolError) -> String {
    try checkSyntax(relative, field: field)
    let url = URL(fileURLWithPath: root + "/" + relative)
    guard let folder = Self.realpath(url.deletingLastPathComponent().path), folder == root || folder.hasPrefix(root + "/")
    else {
      throw .badArgument(field: field, problem: "the folder of \(relative) is not inside the workspace")
    }
    let target = folder + "/" + url.lastPathComponent
    guard !FileManager.default.fileExists(atPath: target) else {
      throw .badArgument(field: field, problem: "\(relative) already exists; choose a new name")
    }
    return target
  }

  /// The workspace-relative form of an absolute path inside it.
  public func relative(_ absolute: String) -> String {
    absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
  }

  private func checkSyntax(_ path: String, field: String) throws(ToolError) {
    let problem: String? =
      if path.isEmpty { "the path is empty" }
      else if path.contains("\0") { "the path contains a NUL byte" }
      else if path.hasPrefix("/") { "absolute paths are refused; give a path relative to the workspace" }
      else if path.hasPrefix("~") { "~ is refused; give a path relative to the workspace" }
      else if path.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil { "URLs are refused; give a file in the workspace" }
      else if path.split(separator: "/").contains("..") { "'..' is refused; stay inside the workspace" }
      else { nil }
    if let problem { throw .badArgument(field: field, problem: problem) }
  }

  private static func realpath(_ path: String) -> String? {
    guard let resolved = Foundation.realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
