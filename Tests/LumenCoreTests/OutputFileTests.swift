import Foundation
import LumenCore
import TestSupport
import Testing

@Suite struct OutputFileTests {
  @Test func refusesAnExistingDestinationUnlessOverwriting() throws {
    let folder = TemporaryDirectory()
    let destination = folder.write(Array("old".utf8), to: "out.bin")
    let refused = #expect(throws: OutputFile.Failure.self) {
      _ = try OutputFile(destination: destination)
    }
    #expect(refused?.kind == .exists)
    #expect(FileManager.default.contents(atPath: destination) == Data("old".utf8))

    let replacing = try OutputFile(destination: destination, overwrite: true)
    FileManager.default.createFile(atPath: replacing.temporaryPath, contents: Data("new".utf8))
    try replacing.commit()
    #expect(FileManager.default.contents(atPath: destination) == Data("new".utf8))
    #expect(folder.contents() == ["out.bin"])
  }

  @Test func refusesAFileThatAppearedMeanwhile() throws {
    let folder = TemporaryDirectory()
    let destination = folder.file("out.bin")
    let exclusive = try OutputFile(destination: destination)
    FileManager.default.createFile(atPath: exclusive.temporaryPath, contents: Data("new".utf8))
    FileManager.default.createFile(atPath: destination, contents: Data("raced".utf8))
    var failure: OutputFile.Failure?
    do { try exclusive.commit() } catch { failure = error }
    #expect(failure?.kind == .exists)
    #expect(FileManager.default.contents(atPath: destination) == Data("raced".utf8))
    #expect(folder.contents() == ["out.bin"])
  }

  @Test(arguments: ["same", "symlink", "hardlink"])
  func refusesAnInputEvenWhenOverwriting(_ how: String) throws {
    let folder = TemporaryDirectory()
    let input = folder.write(Array("precious".utf8), to: "in.gif")
    let destination = folder.file("out.mp4")
    switch how {
    case "same": break
    case "symlink":
      try FileManager.default.createSymbolicLink(atPath: destination, withDestinationPath: "in.gif")
    default: try FileManager.default.linkItem(atPath: input, toPath: destination)
    }
    let target = how == "same" ? input : destination
    let failure = #expect(throws: OutputFile.Failure.self) {
      _ = try OutputFile(destination: target, inputs: [input], overwrite: true)
    }
    #expect(failure?.kind == .isInput)
    #expect(FileManager.default.contents(atPath: input) == Data("precious".utf8))
  }

  @Test func givesTheUsualModeWhateverTheWriterChose() throws {
    let folder = TemporaryDirectory()
    let destination = folder.file("map.gif")
    let file = try OutputFile(destination: destination)
    // giflib creates its files 0600.
    #expect(open(file.temporaryPath, O_CREAT | O_WRONLY, 0o600) >= 0)
    try file.commit()
    var info = stat()
    #expect(stat(destination, &info) == 0)
    let mask = umask(0o022)
    umask(mask)
    #expect(info.st_mode & 0o777 == 0o666 & ~mask)
  }

  @Test func removesItsTemporaryFileWhenNotCommitted() throws {
    let folder = TemporaryDirectory()
    func failingWrite() throws {
      let file = try OutputFile(destination: folder.file("out.mp4"))
      FileManager.default.createFile(atPath: file.temporaryPath, contents: Data("partial".utf8))
      #expect(folder.contents().count == 1)
      throw CancellationError()
    }
    #expect(throws: CancellationError.self) { try failingWrite() }
    #expect(folder.contents().isEmpty)
    #expect(OutputFile.discardPending(inFolder: folder.path) == 0)
  }

  @Test func discardsPendingTemporaryFilesOnInterruption() throws {
    let folder = TemporaryDirectory()
    let file = try OutputFile(destination: folder.file("out.mp4"))
    FileManager.default.createFile(atPath: file.temporaryPath, contents: Data("partial".utf8))
    #expect(OutputFile.discardPending(inFolder: folder.path) == 1)
    #expect(folder.contents().isEmpty)
  }

  @Test func refusesAMissingFolderAndAFolder() throws {
    let folder = TemporaryDirectory()
    #expect(throws: OutputFile.Failure.self) {
      _ = try OutputFile(destination: folder.file("nope/out.mp4"))
    }
    #expect(throws: OutputFile.Failure.self) {
      _ = try OutputFile(destination: folder.path, overwrite: true)
    }
  }
}

@Suite struct FileContentsTests {
  @Test func writesTextAndBytesWhole() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("a.txt")
    let text = String(repeating: "ligne été 東京\n", count: 20_000)
    try FileContents.write(text, to: path)
    #expect(FileManager.default.contents(atPath: path) == Data(text.utf8))
    let bytes: [UInt8] = [0, 1, 2, 255]
    try bytes.withUnsafeBytes { try FileContents.write($0, to: path) }
    #expect(FileManager.default.contents(atPath: path) == Data(bytes))
  }

  @Test func namesThePathWhenItCannotWrite() {
    let folder = TemporaryDirectory()
    let path = folder.file("missing/a.txt")
    let failure = #expect(throws: OutputFile.Failure.self) {
      try FileContents.write("x", to: path)
    }
    #expect(failure?.description.contains(path) == true)
    #expect(failure?.description.contains("No such file") == true)
  }
}
