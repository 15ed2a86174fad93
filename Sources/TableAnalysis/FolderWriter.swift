internal import Foundation
internal import LumenCore

/// The output folder of an analysis: checked before any work (not a file, its parent exists,
/// no earlier analysis in it unless overwriting, no input among its files), then written file
/// by file through ``OutputFile`` (temporary name, renamed when complete) in a ``Session``
/// that removes what it wrote, and the folder it made, when the analysis fails.
struct FolderWriter {
  let folder: String
  let inputs: [String]
  let overwrite: Bool

  init(folder: String, inputs: [String], overwrite: Bool) throws {
    self.folder = folder
    self.inputs = inputs
    self.overwrite = overwrite
    try Self.check(folder: folder, inputs: inputs, overwrite: overwrite)
  }

  fileprivate static func isFolder(_ path: String) -> Bool? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
    return isFolder.boolValue
  }

  private static func check(folder: String, inputs: [String], overwrite: Bool) throws {
    if let isFolder = isFolder(folder) {
      guard isFolder else {
        throw AnalysisError.outputFailed(
          "cannot write \(folder): it is a file, and the output of an analysis is a folder (give a new folder name)"
        )
      }
      for name in ["stats.json", "report.html"] {
        let destination = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        do {
          try OutputFile.check(destination: destination, inputs: inputs, overwrite: overwrite)
        } catch {
          if error.kind != .exists { throw error }
          throw AnalysisError.outputFailed(
            "cannot write \(folder): it holds an earlier analysis (\(name)); choose another folder, or replace it with -y (overwrite)"
          )
        }
      }
    } else {
      let named = PathName(folder).folder
      let parent = named.isEmpty ? "." : named
      guard isFolder(parent) == true else {
        throw AnalysisError.outputFailed(
          "cannot write \(folder): the folder \(parent) does not exist (create it first)")
      }
      guard FileManager.default.isWritableFile(atPath: parent) else {
        throw AnalysisError.outputFailed(
          "cannot write \(folder): the folder \(parent) is not writable")
      }
    }
  }

  /// A path inside the folder.
  func path(_ relative: String) -> String {
    folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
  }

  func session() -> Session { Session(writer: self) }

  /// One finished file waiting for the analysis to finish (a class, so a list can hold the
  /// `~Copyable` owner).
  final class Pending {
    var file: OutputFile?
    init(_ file: consuming OutputFile) { self.file = consume file }
  }

  /// The files of one analysis: each written to a temporary name, all renamed into place when
  /// the analysis is complete (``done()``); a failure or Ctrl-C before that leaves no file.
  struct Session {
    let writer: FolderWriter
    private var pending: [Pending] = []
    private var written: [String] = []
    private var madeFolders: [String] = []

    init(writer: FolderWriter) { self.writer = writer }

    /// Writes `relative` through a temporary file that `body` fills (renamed by ``done()``).
    mutating func write(_ relative: String, _ body: (String) throws -> Void) throws {
      let destination = writer.path(relative)
      try makeFolder(writer.folder)
      let parent = PathName(destination).folder
      if parent != writer.folder, parent + "/" != writer.folder { try makeFolder(parent) }
      let file = try OutputFile(
        destination: destination, inputs: writer.inputs, overwrite: writer.overwrite)
      do {
        try body(file.temporaryPath)
      } catch var failure as OutputFile.Failure {
        failure.path = destination  // the file the user asked for, not its temporary name
        throw failure
      }
      pending.append(Pending(file))
      written.append(destination)
    }

    private mutating func makeFolder(_ path: String) throws {
      if FolderWriter.isFolder(path) != nil { return }
      do {
        try FileManager.default.createDirectory(
          atPath: path, withIntermediateDirectories: false)
      } catch {
        throw AnalysisError.outputFailed(
          "cannot create the folder \(path): \(error.localizedDescription)")
      }
      madeFolders.append(path)
    }

    /// Removes what this session wrote (temporary files go with their owners) and the
    /// folders it made.
    mutating func undo() {
      pending.removeAll()
      for path in madeFolders.reversed() { rmdir(path) }
    }

    /// Renames every file into place; when replacing an earlier analysis, removes its charts
    /// that this one did not redraw.
    mutating func done() throws {
      for box in pending {
        if let file = box.file.take() { try file.commit() }
      }
      pending.removeAll()
      guard writer.overwrite else { return }
      let charts = writer.path("charts")
      let kept = Set(written.map { PathName($0).name })
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: charts) else {
        return
      }
      for name in names where !kept.contains(name) {
        let utf8 = Array(name.utf8)
        let numbered =
          utf8.count > 3 && utf8[0] >= 0x30 && utf8[0] <= 0x39 && utf8[1] >= 0x30
          && utf8[1] <= 0x39 && utf8[2] == UInt8(ascii: "-")
        if numbered, name.hasSuffix(".png") || name.hasSuffix(".svg") {
          try? FileManager.default.removeItem(atPath: charts + "/" + name)
        }
      }
    }
  }
}
