import Foundation
import GIFMaking
import LumenCore
import TestSupport
import Testing

/// Bad inputs are refused in words, with a category, and leave nothing behind.
@Suite struct BadInputTests {
  /// Runs `make` expecting a Lumen error of `category` whose text contains `words`; checks
  /// the folder holds only what it held before.
  func refuse(
    _ inputs: [String], in folder: TemporaryDirectory, options: GIFOptions = .init(),
    _ category: ErrorCategory, _ words: String
  ) {
    let before = folder.contents()
    do {
      _ = try MakeGIF.make(inputs: inputs, output: folder.file("out.gif"), options: options)
      Issue.record("made a GIF from \(inputs)")
    } catch let error as any LumenError {
      #expect(error.category == category, "\(error)")
      #expect("\(error)".contains(words), "\(error)")
    } catch {
      Issue.record("not a Lumen error: \(error)")
    }
    #expect(folder.contents() == before)
  }

  @Test func notAVideo() {
    let folder = TemporaryDirectory()
    let text = folder.write(Array("date,value\n2024-01-01,3\n".utf8), to: "table.csv")
    refuse([text], in: folder, .badInput, "is a text file")
  }

  @Test func anEmptyFile() {
    let folder = TemporaryDirectory()
    let empty = folder.write([], to: "empty.mp4")
    refuse([empty], in: folder, .inputNotReadable, "empty")
  }

  /// A video cut after its first bytes has no frame to decode.
  @Test func aZeroLengthVideo() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video, frames: 3)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: video)))
    try FileManager.default.removeItem(atPath: video)
    let cut = folder.write(Array(bytes.prefix(40)), to: "cut.mp4")
    let before = folder.contents()
    #expect(throws: (any Error).self) {
      _ = try MakeGIF.make(inputs: [cut], output: folder.file("out.gif"))
    }
    #expect(folder.contents() == before)
  }

  @Test func startPastTheEnd() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video, frames: 10)
    var options = GIFOptions()
    options.start = 5
    refuse([video], in: folder, options: options, .badInput, "start 5")
  }

  @Test func aFolder() {
    let folder = TemporaryDirectory()
    let inner = folder.file("frames")
    try? FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
    refuse([inner], in: folder, .inputNotReadable, "it is a folder")
  }

  /// A PNG whose header says 16000×16000 is refused from the header, before any pixel.
  @Test func aHugeImage() {
    let folder = TemporaryDirectory()
    let png = folder.write(Self.pngHeader(width: 16_000, height: 16_000), to: "huge.png")
    refuse([png, png], in: folder, .limitExceeded, "exceeds the limit")
  }

  /// 100,000 images are refused before one is opened.
  @Test func tooManyImages() {
    let folder = TemporaryDirectory()
    let names = (0..<100_000).map { folder.file("frame-\($0).png") }
    refuse(names, in: folder, .limitExceeded, "100000 inputs exceed the limit of 10000")
  }

  @Test func mixedInputs() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video, frames: 2)
    let png = folder.write(Self.pngHeader(width: 4, height: 4), to: "a.png")
    refuse([png, video], in: folder, .invalidOption, "several inputs must all be still images")
  }

  @Test func notAGIFOutput() throws {
    let folder = TemporaryDirectory()
    let video = folder.file("clip.mp4")
    try Clip.video(video, frames: 2)
    #expect(throws: GIFMakingError.unsupportedOutput(path: folder.file("clip.mp4.webp"))) {
      _ = try MakeGIF.make(inputs: [video], output: folder.file("clip.mp4.webp"))
    }
  }

  /// The output is never an input, and an existing file is kept unless overwriting is asked.
  @Test func outputSafety() throws {
    let folder = TemporaryDirectory()
    let input = folder.file("in.gif")
    Clip.solidGIF(input, colors: [.white, .black], delays: [10, 10])
    let original = try Data(contentsOf: URL(fileURLWithPath: input))
    #expect(throws: (any Error).self) {
      _ = try MakeGIF.make(inputs: [input], output: input)
    }
    var options = GIFOptions()
    options.overwrite = true
    #expect(throws: (any Error).self) {
      _ = try MakeGIF.make(inputs: [input], output: input, options: options)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original)
    let existing = folder.write([1, 2, 3], to: "taken.gif")
    #expect(throws: (any Error).self) {
      _ = try MakeGIF.make(inputs: [input], output: existing)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == Data([1, 2, 3]))
    _ = try MakeGIF.make(inputs: [input], output: existing, options: options)
    #expect(try Data(contentsOf: URL(fileURLWithPath: existing)).count > 3)
  }

  @Test func badOptionsInFieldNames() {
    var options = GIFOptions()
    options.framesPerSecond = 60
    #expect(throws: GIFMakingError.self) { try options.validate() }
    options = GIFOptions()
    options.reverse = true
    options.boomerang = true
    #expect(throws: GIFMakingError.invalidOption("reverse and boomerang cannot be combined")) {
      try options.validate()
    }
    #expect(throws: GIFMakingError.self) {
      _ = try GIFOptions.decoding(["crop": "1,2,3"])
    }
  }

  /// A PNG signature, IHDR chunk for the given size, an empty IDAT and IEND (CRCs right),
  /// no pixels.
  static func pngHeader(width: Int, height: Int) -> [UInt8] {
    func be32(_ v: Int) -> [UInt8] {
      [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }
    func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
      let body = Array(type.utf8) + data
      var crc: UInt32 = 0xFFFF_FFFF
      for byte in body {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      }
      return be32(data.count) + body + be32(Int(crc ^ 0xFFFF_FFFF))
    }
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
      + chunk("IHDR", be32(width) + be32(height) + [8, 6, 0, 0, 0]) + chunk("IDAT", [])
      + chunk("IEND", [])
  }
}
