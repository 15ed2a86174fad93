#if canImport(Glibc)
  import Glibc
#endif

/// Writes a whole file with `open`, `write` and `close`: for an ``OutputFile``'s temporary
/// path, which ``OutputFile/commit()`` then moves into place.
///
/// `Data.write(to:)` also calls `fsync` on every file it writes, 0.1–0.6 ms apiece on this
/// machine; `lumen analyze` writes 14 such files (SVGs, `stats.json`, `report.html`) and libpng
/// writes its PNGs without one.
///
/// ```swift
/// try FileContents.write("<svg …/>", to: file.temporaryPath)
/// ```
public enum FileContents {
  /// Writes `text` as UTF-8 to `path` (created, or emptied first).
  ///
  /// - Throws: ``OutputFile/Failure`` naming `path` and the system's reason.
  public static func write(_ text: String, to path: String) throws(OutputFile.Failure) {
    var text = text
    let failure = text.withUTF8 { bytes -> OutputFile.Failure? in
      do throws(OutputFile.Failure) {
        try write(UnsafeRawBufferPointer(bytes), to: path)
      } catch { return error }
      return nil
    }
    if let failure { throw failure }
  }

  /// Writes `bytes` to `path` (created, or emptied first).
  ///
  /// - Throws: ``OutputFile/Failure`` naming `path` and the system's reason.
  public static func write(_ bytes: UnsafeRawBufferPointer, to path: String)
    throws(OutputFile.Failure)
  {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw failure(path) }
    var done = 0
    while done < bytes.count, let base = bytes.baseAddress {
      let n = Glibc.write(fd, base + done, bytes.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        let error = failure(path)
        close(fd)
        throw error
      }
      done += n
    }
    guard close(fd) == 0 else { throw failure(path) }
  }

  private static func failure(_ path: String) -> OutputFile.Failure {
    OutputFile.Failure(path: path, reason: String(cString: strerror(errno)))
  }
}
