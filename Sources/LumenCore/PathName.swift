/// A path's folder, name and extension, by Lumen's own rules on characters.
///
/// Foundation's `NSString` path functions trap on some strings a model can send (found by
/// fuzzing tool calls: a run of replacement characters followed by slashes), so paths that come
/// from outside are taken apart here instead. Trailing slashes are ignored; a name's extension is
/// what follows its last dot, unless that dot starts or ends the name.
///
/// ```swift
/// PathName("clips/cat.gif").replacingExtension(with: "mp4")  // "clips/cat.mp4"
/// ```
public struct PathName: Sendable, Hashable {
  /// The folder ("" when the path has none, "/" at the root).
  public let folder: String
  /// The last component.
  public let name: String

  public init(_ path: String) {
    var path = Substring(path)
    while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
    guard let slash = path.lastIndex(of: "/") else {
      folder = ""
      name = String(path)
      return
    }
    var folder = path[..<slash]
    while folder.count > 1 && folder.hasSuffix("/") { folder = folder.dropLast() }
    self.folder = folder.isEmpty ? "/" : String(folder)
    name = String(path[path.index(after: slash)...])
  }

  /// The extension, without its dot ("" when there is none).
  public var pathExtension: String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
      name.index(after: dot) != name.endIndex
    else { return "" }
    return String(name[name.index(after: dot)...])
  }

  /// The name without its extension.
  public var stem: String {
    let pathExtension = self.pathExtension
    return pathExtension.isEmpty ? name : String(name.dropLast(pathExtension.count + 1))
  }

  /// The path with `name` in the same folder.
  public func sibling(_ name: String) -> String {
    switch folder {
    case "": name
    case "/": "/" + name
    default: folder + "/" + name
    }
  }

  /// Whether the path holds shell pattern characters (`*`, `?`, `[`): a name to expand when it
  /// is not a file itself.
  public var isPattern: Bool { (folder + name).contains { "*?[".contains($0) } }

  /// The path with its extension replaced (or added).
  public func replacingExtension(with newExtension: String) -> String {
    sibling(stem + "." + newExtension)
  }
}
