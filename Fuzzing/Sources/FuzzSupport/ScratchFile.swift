internal import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One file in memory-backed storage that each fuzz input is written to, for the decoders
/// that read from a path.
///
/// The folder is per process (`/dev/shm/lumen-fuzz-<pid>`, or the temporary folder when
/// `/dev/shm` is missing) and is removed at exit.
public enum ScratchFile {
  /// The folder holding the scratch file; also usable as a tool workspace.
  public static let folder: String = {
    let base =
      FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = "\(base)/lumen-fuzz-\(getpid())"
    mkdir(path, 0o700)
    atexit { _ = try? FileManager.default.removeItem(atPath: ScratchFile.folder) }
    return path
  }()

  /// Writes `bytes` to the scratch file named `name` and returns its path.
  public static func write(_ bytes: UnsafeBufferPointer<UInt8>, name: String = "input") -> String {
    let path = folder + "/" + name
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot create \(path)")
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      precondition(written > 0, "cannot write \(path)")
      offset += written
    }
    close(fd)
    return path
  }
}
