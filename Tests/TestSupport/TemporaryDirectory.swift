import Foundation

/// A fresh folder under the system temporary folder, removed when the value goes away.
public final class TemporaryDirectory: Sendable {
  /// The folder's path.
  public let path: String

  public init() {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("lumen-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.path
  }

  /// A path inside the folder.
  public func file(_ name: String) -> String { path + "/" + name }

  /// The names of the files in the folder, hidden ones included.
  public func contents() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }

  /// Writes bytes to a file in the folder and returns its path.
  @discardableResult
  public func write(_ bytes: [UInt8], to name: String) -> String {
    let target = file(name)
    FileManager.default.createFile(atPath: target, contents: Data(bytes))
    return target
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}
