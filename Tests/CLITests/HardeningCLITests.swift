import Foundation
import LumenCore
import TestSupport
import Testing

/// The findings of the hardening probe, each reproduced with an input built here: Lumen must
/// refuse or report, never crash, hang or pass damage off as success.
@Suite struct HardeningCLITests {
  static let red = RGBColor(red: 255, green: 0, blue: 0)

  /// A GIF with a 0×0 logical screen and one 1×1 frame at (`x`, `y`).
  static func emptyScreenGIF(x: Int, y: Int) -> [UInt8] {
    var gif = GIFBuilder(width: 0, height: 0, globalPalette: [red, red], loopCount: nil)
    gif.frames = [.init(rect: PixelRect(x: x, y: y, width: 1, height: 1), indices: [0])]
    return gif.bytes()
  }

  @Test(arguments: [(65534, 65534), (20000, 20000)])
  func anEmptyScreenWithAFarFrameIsRefusedBeforeAllocating(x: Int, y: Int) throws {
    let folder = TemporaryDirectory()
    let bytes = Self.emptyScreenGIF(x: x, y: y)
    #expect(bytes.count < 100)
    let path = folder.write(bytes, to: "bomb.gif")
    for arguments in [["palette", path], ["gif2video", path, "-o", folder.file("bomb.mp4")]] {
      let run = try Run(arguments)
      #expect(run.status == 65, "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains("exceeds the limit"), "\(run.stderr)")
    }
    #expect(folder.contents() == ["bomb.gif"])
  }

  @Test func compositingWorkIsCountedInCanvasesAndRefusedFromTheScan() throws {
    // A 4096×4096 screen with 1,000 one-pixel frames: 16.8 G composited pixels, over the 8 G
    // limit, refused by the scan before any frame is decoded.
    var gif = GIFBuilder(
      width: 4096, height: 4096, globalPalette: [Self.red, .white], loopCount: 0)
    gif.frames = (0..<1000).map { i in
      .init(
        rect: PixelRect(x: i % 4096, y: 0, width: 1, height: 1), indices: [UInt8(i % 2)],
        delayCentiseconds: 2)
    }
    let folder = TemporaryDirectory()
    let path = folder.write(gif.bytes(), to: "work.gif")
    let run = try Run(["gif2video", path, "-o", folder.file("work.mp4")])
    #expect(run.status == 65, "\(run.stderr)")
    #expect(run.stderr.contains("composited pixels"), "\(run.stderr)")
    #expect(folder.contents() == ["work.gif"])
  }

  // Under AddressSanitizer or ThreadSanitizer the 1.5 GB address-space limit leaves no room
  // for their shadow memory.
  @Test(.disabled(if: ProcessInfo.processInfo.environment["LUMEN_SANITIZER"] != nil))
  func aPNGChunkClaimingGigabytesIsNotAllocated() throws {
    // A valid 1×1 PNG with an iTXt chunk whose length says 2³¹−1 bytes (the data is missing).
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    func chunk(_ type: String, _ data: [UInt8], length: UInt32? = nil) -> [UInt8] {
      let size = length ?? UInt32(data.count)
      var bytes = withUnsafeBytes(of: size.bigEndian, Array.init) + Array(type.utf8) + data
      var crc: UInt32 = 0xFFFF_FFFF
      for byte in Array(type.utf8) + data {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      }
      bytes += withUnsafeBytes(of: (~crc).bigEndian, Array.init)
      return bytes
    }
    png += chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
    png += chunk("iTXt", Array(repeating: 0x41, count: 90_000), length: 0x7FFF_FFFF)
    let folder = TemporaryDirectory()
    let path = folder.write(png, to: "itxt.png")
    // Under a 1.5 GB address-space limit a 2 GB allocation fails ("Insufficient memory"); with
    // libpng's chunk limit it is never attempted and the file is reported as damaged.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "ulimit -v 1500000; exec \"$0\" palette \"$1\" --verbose",
      Fixtures.lumenExecutable.path, path,
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 65, "\(stderr)")
    #expect(stderr.contains("itxt.png: the file is not a readable PNG"), "\(stderr)")
    #expect(!stderr.lowercased().contains("memory"), "\(stderr)")
  }

  @Test func aDamagedJPEGIsReportedNotPassedOffAsTransparent() throws {
    let folder = TemporaryDirectory()
    let whole = try #require(
      FileManager.default.contents(atPath: Fixtures.path("photo_hopper.jpg")))
    let cut = folder.write(Array(whole.prefix(whole.count / 2)), to: "cut.jpg")
    let run = try Run(["palette", cut, "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let image = try #require(run.json?["image"] as? [String: Any])
    let warnings = image["warnings"] as? [String] ?? []
    #expect(warnings.contains { $0.contains("damaged or cut short") }, "\(run.stdout.prefix(400))")
    let palette = try #require(run.json?["palette"] as? [String: Any])
    #expect((palette["pixelsClustered"] as? Int ?? 0) > 0)
    // Headers only (cut right after the start-of-scan segment): libjpeg-turbo still "decodes"
    // its fill for the missing blocks; the grey rows are left out and the damage is reported.
    let bytes = [UInt8](whole)
    let scan = try #require(
      (0..<bytes.count - 1).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xDA })
    let scanLength = Int(bytes[scan + 2]) << 8 | Int(bytes[scan + 3])
    let headerOnly = folder.write(Array(bytes.prefix(scan + 2 + scanLength)), to: "header.jpg")
    let none = try Run(["palette", headerOnly])
    #expect(
      none.stdout.contains("warning: the file is damaged or cut short"),
      "\(none.stdout) \(none.stderr)")
  }

  @Test func aDamagedGIFGetsTheSameNoteFromPaletteAsFromGif2video() throws {
    let folder = TemporaryDirectory()
    var gif = GIFBuilder(width: 8, height: 8, globalPalette: [Self.red, .white], loopCount: 0)
    gif.frames = [
      .init(
        rect: PixelRect(x: 0, y: 0, width: 8, height: 8), indices: Array(repeating: 0, count: 64))
    ]
    var bytes = gif.bytes()
    // Garble the LZW data of the only frame, keeping its blocks intact.
    let trailer = bytes.count - 1
    for index in (trailer - 6)..<(trailer - 2) { bytes[index] = 0xFF }
    let path = folder.write(bytes, to: "garbled.gif")
    let palette = try Run(["palette", path])
    let video = try Run(["gif2video", path, "-o", folder.file("g.mp4")])
    #expect(palette.status == video.status, "\(palette.stderr) | \(video.stderr)")
    if palette.status == 0 {
      #expect(palette.stdout.contains("partly decoded"), "\(palette.stdout)")
      #expect(video.stdout.contains("partly decoded"), "\(video.stdout)")
    }
  }
}
