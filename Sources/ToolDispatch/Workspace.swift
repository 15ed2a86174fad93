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

  /// The absolute path of an existing regular file inside the workspace.
  ///
  /// A name that is not found gets the closest names in the workspace as suggestions; a
  /// folder, a FIFO or a device is refused before it is opened (reading a FIFO would block).
  public func input(_ relative: String, field: String) throws(ToolError) -> String {
    try checkSyntax(relative, field: field)
    let joined = root + "/" + relative
    guard let resolved = Self.realpath(joined) else {
      let close = closestNames(to: relative)
      let hint =
        close.isEmpty
        ? "; call list_files to see the files"
        : "; did you mean \(close.map { "\"\($0)\"" }.joined(separator: " or "))?"
      throw .badArgument(field: field, problem: "no such file in the workspace: \(relative)\(hint)")
    }
    guard resolved == root || resolved.hasPrefix(root + "/") else {
      throw .badArgument(
        field: field, problem: "\(relative) leads outside the workspace (through a symlink)")
    }
    var info = stat()
    guard stat(resolved, &info) == 0 else {
      throw .badArgument(field: field, problem: "\(relative) cannot be read")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return resolved
    case S_IFDIR:
      throw .badArgument(
        field: field, problem: "\(relative) is a folder; give a file in it (list_files shows them)")
    default:
      throw .badArgument(
        field: field,
        problem: "\(relative) is not a regular file (a FIFO, socket or device); give a file")
    }
  }

  /// Whether `path` holds shell pattern characters (`*`, `?`, `[`). (`LumenCore.PathName`
  /// says the same; this layer does not import it.)
  public static func isPattern(_ path: String) -> Bool { path.contains { "*?[".contains($0) } }

  /// The files a shell pattern in the last part of `pattern` names (`frames/*.png`,
  /// `shot-??.jpg`), in name order, each checked as ``input(_:field:)`` checks one file;
  /// folders are passed over, hidden files match only a pattern that starts with a dot. A
  /// file whose name is the pattern itself (`shot[1].png`) is that file, as the shell has it.
  ///
  /// - Throws: A `badArgument` when the folder part holds a pattern or is not in the
  ///   workspace, when nothing matches, or when more than `limit` files do.
  public func inputs(matching pattern: String, field: String, limit: Int) throws(ToolError)
    -> [String]
  {
    try checkSyntax(pattern, field: field)
    if let literal = try? input(pattern, field: field) { return [literal] }
    let (folderPart, namePattern) = Self.split(pattern)
    guard !Self.isPattern(folderPart) else {
      throw .badArgument(
        field: field,
        problem: "\(pattern): a pattern may name files (frames/*.png), not folders")
    }
    guard let folder = Self.realpath(folderPart.isEmpty ? root : root + "/" + folderPart),
      folder == root || folder.hasPrefix(root + "/")
    else {
      throw .badArgument(field: field, problem: "no such folder in the workspace: \(folderPart)")
    }
    var matches: [String] = []
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    where fnmatch(namePattern, name, FNM_PERIOD) == 0 {
      var info = stat()
      guard stat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
        continue
      }
      matches.append(folderPart.isEmpty ? name : folderPart + "/" + name)
      if matches.count > limit {
        throw .badArgument(
          field: field, problem: "\(pattern) matches more than \(limit) files; narrow it")
      }
    }
    guard !matches.isEmpty else {
      throw .badArgument(
        field: field,
        problem: "no file in the workspace matches \(pattern); call list_files to see the files")
    }
    var resolved: [String] = []
    for match in matches { resolved.append(try input(match, field: field)) }
    return resolved
  }

  /// The absolute path of a new output file inside the workspace (it must not exist yet).
  public func output(_ relative: String, field: String) throws(ToolError) -> String {
    try checkSyntax(relative, field: field)
    let (folderPart, name) = Self.split(relative)
    guard !name.isEmpty else {
      throw .badArgument(field: field, problem: "\(relative) names no file; give a file name")
    }
    guard let folder = Self.realpath(folderPart.isEmpty ? root : root + "/" + folderPart) else {
      throw .badArgument(
        field: field,
        problem: "the folder \(folderPart) does not exist; write to an existing folder")
    }
    guard folder == root || folder.hasPrefix(root + "/") else {
      throw .badArgument(
        field: field,
        problem: "the folder of \(relative) leads outside the workspace (through a symlink)")
    }
    let target = folder + "/" + name
    var info = stat()
    guard lstat(target, &info) != 0 else {
      throw .badArgument(
        field: field,
        problem: "\(relative) already exists; choose a new name (tools never overwrite)")
    }
    return target
  }

  /// One file found by ``files(matching:under:limit:)``.
  public struct Entry: Sendable, Hashable {
    /// The path relative to the workspace.
    public var path: String
    /// The absolute path.
    public var absolutePath: String
    public var bytes: Int
  }

  /// The regular files under `folder` (relative; the root when `nil`), depth first in name
  /// order, hidden files and Lumen's temporary files left out, symlinks out of the workspace
  /// not followed; at most `limit`, with whether more were left out.
  ///
  /// - Parameter pattern: A shell glob (`*.gif`, `maps/*.png`) matched against the relative
  ///   path and against the name alone; `nil` for every file.
  public func files(
    matching pattern: String? = nil, under folder: String? = nil, limit: Int = 1_000
  )
    throws(ToolError) -> (entries: [Entry], truncated: Bool)
  {
    var start = root
    if let folder, !folder.isEmpty, folder != "." {
      try checkSyntax(folder, field: "folder")
      guard let resolved = Self.realpath(root + "/" + folder),
        resolved == root || resolved.hasPrefix(root + "/")
      else {
        throw .badArgument(field: "folder", problem: "no such folder in the workspace: \(folder)")
      }
      start = resolved
    }
    var entries: [Entry] = []
    var truncated = false
    var visited = 0
    func walk(_ directory: String) {
      guard !truncated, let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
      else { return }
      for name in names.sorted() where !name.hasPrefix(".") {
        visited += 1
        if visited > 100_000 {
          truncated = true
          return
        }
        let path = directory + "/" + name
        var info = stat()
        guard stat(path, &info) == 0 else { continue }
        if info.st_mode & S_IFMT == S_IFDIR {
          // Follow a symlinked folder only while it stays inside the workspace.
          if let real = Self.realpath(path), real.hasPrefix(root + "/"), !real.hasPrefix(path + "/")
          {
            walk(path)
          }
          continue
        }
        guard info.st_mode & S_IFMT == S_IFREG else { continue }
        let relativePath = relative(path)
        if let pattern, fnmatch(pattern, relativePath, 0) != 0, fnmatch(pattern, name, 0) != 0 {
          continue
        }
        if entries.count == limit {
          truncated = true
          return
        }
        entries.append(Entry(path: relativePath, absolutePath: path, bytes: Int(info.st_size)))
        if truncated { return }
      }
    }
    walk(start)
    return (entries, truncated)
  }

  /// Up to three workspace paths closest to a name that was not found: the same name in
  /// another case first, then by edit distance (at most a third of the name).
  public func closestNames(to relative: String) -> [String] {
    guard let all = try? files(limit: 5_000).entries.map(\.path), !all.isEmpty else { return [] }
    let wanted = relative.lowercased()
    let exact = all.filter { $0.lowercased() == wanted }
    if !exact.isEmpty { return Array(exact.prefix(3)) }
    let name = Self.split(wanted).name
    let budget = max(2, wanted.count / 3)
    let scored = all.compactMap { candidate -> (String, Int)? in
      let lower = candidate.lowercased()
      let distance = min(
        Self.editDistance(lower, wanted),
        Self.editDistance(Self.split(lower).name, name))
      return distance <= budget ? (candidate, distance) : nil
    }
    return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
  }

  /// A relative path split at its last `/` (trailing slashes ignored): the folder ("" for the
  /// root) and the name. Lumen's own, on characters: Foundation's NSString path functions trap
  /// on some names a model can send (found by fuzzing: replacement characters, then slashes).
  static func split(_ relative: String) -> (folder: String, name: String) {
    var path = Substring(relative)
    while path.hasSuffix("/") { path = path.dropLast() }
    guard let slash = path.lastIndex(of: "/") else { return ("", String(path)) }
    var folder = path[..<slash]
    while folder.hasSuffix("/") { folder = folder.dropLast() }
    return (String(folder), String(path[path.index(after: slash)...]))
  }

  /// Levenshtein distance over characters.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// The workspace-relative form of an absolute path inside it.
  public func relative(_ absolute: String) -> String {
    absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
  }

  private func checkSyntax(_ path: String, field: String) throws(ToolError) {
    let problem: String? =
      if path.isEmpty { "the path is empty" } else if path.contains("\0") {
        "the path contains a NUL byte"
      } else if path.hasPrefix("/") {
        "absolute paths are refused; give a path relative to the workspace"
      } else if path.hasPrefix("~") {
        "~ is refused; give a path relative to the workspace"
      } else if path.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil {
        "URLs are refused; give a file in the workspace"
      } else if path.split(separator: "/").contains("..") {
        "'..' is refused; stay inside the workspace"
      } else { nil }
    if let problem { throw .badArgument(field: field, problem: problem) }
  }

  private static func realpath(_ path: String) -> String? {
    guard let resolved = Foundation.realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
