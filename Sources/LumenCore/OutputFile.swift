internal import Foundation

/// A temporary file beside the destination, renamed over it on success and removed otherwise,
/// so a failure never leaves a partial or empty output.
///
/// ```swift
/// let output = try OutputFile(destination: "out.mp4")
/// do { try write(to: output.temporaryPath); try output.commit() } catch { output.discard(); throw error }
/// ```
public struct OutputFile: Sendable {
  /// The final path.
  public let destination: String
  /// Where to write until ``commit(replacingExisting:)``.
  public let temporaryPath: String

  /// Why an output cannot be written.
  public struct Failure: Error, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Checks that the destination's folder exists and is writable, and picks a temporary name
  /// in it.
  public init(destination: String) throws(Failure) {
    let url = URL(fileURLWithPath: destination)
    let folder = url.deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw Failure(path: destination, reason: "the folder \(folder) does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw Failure(path: destination, reason: "the folder \(folder) is not writable")
    }
    if FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder),
      isFolder.boolValue
    {
      throw Failure(path: destination, reason: "it is a folder")
    }
    self.destination = destination
    let unique = UInt64.random(in: 0...UInt64.max)
    temporaryPath = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(String(unique, radix: 36)).lumen-tmp").path
  }

  /// Moves the finished file into place (atomic on one file system).
  ///
  /// - Parameter replacingExisting: With `false`, fails instead of replacing a file that
  ///   appeared at the destination meanwhile (`link(2)` is atomic and refuses to overwrite).
  public func commit(replacingExisting: Bool = true) throws(Failure) {
    if replacingExisting {
      guard rename(temporaryPath, destination) == 0 else { throw failure() }
    } else {
      guard link(temporaryPath, destination) == 0 else { throw failure() }
      unlink(temporaryPath)
    }
  }

  private func failure() -> Failure {
    let reason = String(cString: strerror(errno))
    discard()
    return Failure(path: destination, reason: reason)
  }

  /// Removes the temporary file, if any.
  public func discard() {
    unlink(temporaryPath)
  }
}
