internal import Foundation

/// Bytes written to a private temporary file for a library that reads only files; the file is
/// unlinked at once (the open descriptor keeps the data for whoever opened it) or when the
/// value goes away.
final class TemporaryCopy {
  let path: String

  init(_ data: Data) throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("lumen-table-\(UUID().uuidString).xlsx").path
    try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
  }

  deinit { unlink(path) }
}
