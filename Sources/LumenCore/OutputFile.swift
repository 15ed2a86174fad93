internal import Foundation
internal import Locking

/// The one owner of an output being written: a temporary file beside the destination, moved
/// over it by ``commit()``, and removed in `deinit` when it was not committed, so a failure or
/// an early exit (a thrown error, a cancelled task) never leaves a partial or empty output and
/// an input is never destroyed.
///
/// Everything that can be checked is checked when it is created, before any work: the folder
/// exists and is writable, the destination is not a folder, not one of the inputs (the same
/// file, a hard link or a symlink to it), and does not exist unless `overwrite` is set.
///
/// ```swift
/// let output = try OutputFile(destination: "out.mp4", inputs: ["in.gif"])
/// try write(to: output.temporaryPath)  // a throw here removes the temporary file
/// try output.commit()
/// ```
///
/// The finished file gets the usual mode for new files (0666 less the umask, so 0644 under
/// the common umask), whatever the library that wrote the temporary file chose. Temporary files
/// not yet committed are also known to ``discardPending(inFolder:)``, which a program calls when
/// it is interrupted (Ctrl-C), where no `deinit` runs.
public struct OutputFile: ~Copyable, Sendable {
  /// The final path.
  public let destination: String
  /// Where to write until ``commit()``.
  public let temporaryPath: String
  /// Whether an existing destination may be replaced.
  public let overwrite: Bool
  /// Set once the file is in place: nothing is left to remove.
  private var isCommitted = false

  /// Why an output cannot be written.
  public struct Failure: LumenError, Hashable {
    /// What kind of refusal or failure this is.
    public enum Kind: Sendable, Hashable {
      /// The destination exists and overwriting was not asked for.
      case exists
      /// The destination is one of the inputs.
      case isInput
      /// The folder is missing, not writable, the destination is a folder, or writing failed.
      case notWritable
    }

    public var path: String
    public var reason: String
    public var kind: Kind = .notWritable
    public var description: String { "cannot write \(path): \(reason)" }

    /// An output that is the input is a usage error; the others cannot be created.
    public var category: ErrorCategory { kind == .isInput ? .invalidOption : .outputNotWritable }
  }

  /// Checks the destination (see the type's discussion) and picks a temporary name beside it.
  ///
  /// - Parameters:
  ///   - destination: The file to create.
  ///   - inputs: Files the operation reads; the destination may be none of them.
  ///   - overwrite: Replace an existing destination (never an input).
  public init(destination: String, inputs: [String] = [], overwrite: Bool = false) throws(Failure) {
    let parts = PathName(destination)
    let cwd = FileManager.default.currentDirectoryPath
    let folder =
      parts.folder.hasPrefix("/")
      ? parts.folder : parts.folder.isEmpty ? cwd : cwd + "/" + parts.folder
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
    if let target = Self.identity(of: destination) {
      if let input = inputs.first(where: { Self.identity(of: $0) == target }) {
        let same =
          input == destination ? "it is the input" : "it is the input \(input) (the same file)"
        throw Failure(
          path: destination, reason: "\(same); choose another output name", kind: .isInput)
      }
      if !overwrite {
        throw Failure(path: destination, reason: "it already exists (not replaced)", kind: .exists)
      }
    } else if Self.isDanglingSymlink(destination) {
      throw Failure(path: destination, reason: "it is a symlink to a missing file")
    }
    self.destination = destination
    self.overwrite = overwrite
    let unique = UInt64.random(in: 0...UInt64.max)
    temporaryPath =
      (folder == "/" ? "" : folder) + "/.\(parts.name).\(String(unique, radix: 36)).lumen-tmp"
    Self.pending.withLock { _ = $0.insert(temporaryPath) }
  }

  /// Runs the checks of ``init(destination:inputs:overwrite:)`` without keeping a temporary
  /// name: for an operation that writes several files and must refuse before any work.
  public static func check(destination: String, inputs: [String] = [], overwrite: Bool = false)
    throws(Failure)
  {
    _ = try OutputFile(destination: destination, inputs: inputs, overwrite: overwrite)
  }

  /// Moves the finished file into place (atomic on one file system) with the usual mode.
  ///
  /// Without `overwrite`, fails instead of replacing a file that appeared at the destination
  /// meanwhile (`link(2)` is atomic and refuses to overwrite).
  /// When it fails, the temporary file is removed (as the value ends).
  public consuming func commit() throws(Failure) {
    guard chmod(temporaryPath, Self.newFileMode) == 0 else { throw failure() }
    if overwrite {
      guard rename(temporaryPath, destination) == 0 else { throw failure() }
    } else {
      guard link(temporaryPath, destination) == 0 else {
        let exists = errno == EEXIST
        var failure = failure()
        if exists {
          failure.reason = "it already exists (not replaced)"
          failure.kind = .exists
        }
        throw failure
      }
      unlink(temporaryPath)
    }
    isCommitted = true
  }

  private func failure() -> Failure {
    Failure(path: destination, reason: String(cString: strerror(errno)))
  }

  /// Removes the temporary file unless it was committed (it may not exist: nothing was
  /// written yet, or the writer failed before creating it).
  deinit {
    if !isCommitted { unlink(temporaryPath) }
    Self.pending.withLock { _ = $0.remove(temporaryPath) }
  }

  // MARK: - Interruption

  private static let pending = Locked<Set<String>>([])

  /// Removes every temporary file not yet committed or discarded (in `folder`, or anywhere);
  /// returns how many there were. For a program that is stopping on SIGINT/SIGTERM.
  @discardableResult
  public static func discardPending(inFolder folder: String? = nil) -> Int {
    pending.withLock { paths in
      let chosen = paths.filter { folder == nil || $0.hasPrefix(folder! + "/") }
      for path in chosen { unlink(path) }
      paths.subtract(chosen)
      return chosen.count
    }
  }

  // MARK: - File identity and mode

  private struct Identity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// The device and inode a path leads to (after symlinks), or `nil` when it does not exist.
  private static func identity(of path: String) -> Identity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  private static func isDanglingSymlink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// 0666 less the process's umask, read from `/proc/self/status` (setting and restoring the
  /// umask to read it would race with other threads creating files).
  static let newFileMode: mode_t = {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
      let mask = mode_t(
        line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
    {
      return 0o666 & ~mask
    }
    return 0o644
  }()
}
