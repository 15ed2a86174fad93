internal import Foundation

/// Where a table's bytes come from: a file (streamed) or bytes already in memory (a tool's
/// upload, a test).
enum TableSource {
  case file(path: String)
  case memory(bytes: [UInt8], name: String)

  /// How messages name it.
  var name: String {
    switch self {
    case .file(let path): path
    case .memory(_, let name): name
    }
  }

  /// All the bytes (JSON arrays and workbooks are parsed whole).
  func contents() throws(TableError) -> Data {
    switch self {
    case .memory(let bytes, _): return Data(bytes)
    case .file(let path):
      do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw .unreadable("cannot read \(path): \(error.localizedDescription)")
      }
    }
  }
}
