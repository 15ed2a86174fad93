internal import Foundation

/// A temporary file beside the destination, renamed over it on success and removed otherwise.
struct OutputFile {
  let destination: String
  let temporaryPath: String

  /// Checks that the destination's folder exists and picks a temporary name in it.
  init(destination: String) throws(ConversionError) {
    let url = URL(fileURLWithPath: destination)
    let folder = url.deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw .outputNotWritable(path: destination, reason: "the folder \(folder) does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw .outputNotWritable(path: destination, reason: "the folder \(folder) is not writable")
    }
    if FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder),
      isFolder.boolValue
    {
      throw .outputNotWritable(path: destination, reason: "it is a folder")
    }
    self.destination = destination
    let unique = UInt64.random(in: 0...UInt64.max)
    temporaryPath = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(String(unique, radix: 36)).lumen-tmp").path
  }

  /// Moves the finished file into place (atomic on one file system).
  func commit() throws(ConversionError) {
    guard rename(temporaryPath, destination) == 0 else {
      let reason = String(cString: strerror(errno))
      discard()
      throw .outputNotWritable(path: destination, reason: reason)
    }
  }

  /// Removes the temporary file, if any.
  func discard() {
    unlink(temporaryPath)
  }
}
