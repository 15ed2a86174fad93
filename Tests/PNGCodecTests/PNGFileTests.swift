import Foundation
import LumenCore
import PNGCodec
import TestSupport
import Testing

@Suite struct PNGFileTests {
  @Test func roundTripsRGBAExactly() throws {
    var image = RGBAImage(width: 3, height: 2)
    image[0, 0] = RGBAPixel(red: 255, green: 0, blue: 0)
    image[1, 0] = RGBAPixel(red: 0, green: 255, blue: 0, alpha: 128)
    image[2, 1] = RGBAPixel(red: 1, green: 2, blue: 3, alpha: 4)
    let folder = TemporaryDirectory()
    let path = folder.file("a.png")
    try PNGFile.write(image, to: path)
    #expect(try PNGFile.read(path: path) == image)
  }

  /// Cairo's opaque B, G, R, X rows (with padding past each row) come back as the same colours,
  /// opaque: the writer turns each row into R, G, B itself.
  @Test func writesOpaqueBGRXRowsAsTheirColours() throws {
    let width = 37
    let height = 5
    let stride = width * 4 + 12
    var pixels = [UInt8](repeating: 0xEE, count: stride * height)
    var expected = RGBAImage(width: width, height: height)
    for y in 0..<height {
      for x in 0..<width {
        let (r, g, b) = (UInt8((x * 7) & 255), UInt8((y * 50 + x) & 255), UInt8((x * y * 3) & 255))
        pixels[y * stride + x * 4] = b
        pixels[y * stride + x * 4 + 1] = g
        pixels[y * stride + x * 4 + 2] = r
        pixels[y * stride + x * 4 + 3] = 0x55  // ignored: the picture is opaque
        expected[x, y] = RGBAPixel(red: r, green: g, blue: b)
      }
    }
    let folder = TemporaryDirectory()
    let path = folder.file("opaque.png")
    try pixels.withUnsafeBytes { bytes in
      try PNGFile.writeOpaque(bgrx: bytes, width: width, height: height, stride: stride, to: path)
    }
    #expect(try PNGFile.read(path: path) == expected)
    #expect(throws: PNGError.self) {
      try pixels.withUnsafeBytes { bytes in
        try PNGFile.writeOpaque(
          bgrx: bytes, width: width, height: height + 1, stride: stride, to: path)
      }
    }
  }

  /// Both compressions give back the pixels written, read through libpng (its own inflate):
  /// flat graphics with text-like noise (every kind of match the flat encoder makes), noise
  /// past many 64 KB output buffers and window slides, a row wider than deflate's 32 KB window
  /// (no match with the row above), a single pixel, rows of one colour, rows all alike (wide
  /// and narrow), and bytes so skewed that their Huffman code must be limited to 15 bits.
  @Test(arguments: [
    (800, 500, "chart"), (400, 300, "noise"), (12_000, 3, "wide"), (1, 1, "dot"),
    (300, 200, "flat"), (5, 700, "narrow"), (600, 400, "skewed"), (12_000, 4, "stripes"),
    (37, 9, "stripes"),
  ])
  func bothCompressionsRoundTrip(width: Int, height: Int, kind: String) throws {
    var generator = SplitMix64(seed: UInt64(width * 31 + height))
    let stride = width * 4 + 8
    var pixels = [UInt8](repeating: 0, count: stride * height)
    var expected = RGBAImage(width: width, height: height)
    for y in 0..<height {
      for x in 0..<width {
        var (r, g, b): (UInt8, UInt8, UInt8) = (255, 255, 255)
        switch kind {
        case "chart":
          if y > 40, y < 460, x > 60, x < 780 {
            (r, g, b) = (250, 250, 250)
            if y % 50 == 0 { (r, g, b) = (220, 220, 220) }  // grid lines
            if x % 90 > 20, x % 90 < 70, y > 500 - (x * 7 % 400) { (r, g, b) = (31, 119, 180) }
          }
          if y < 30, x % 13 < 7, (x * y) % 5 < 2 {  // a "title": short repeated marks
            let v = UInt8(truncatingIfNeeded: (x / 13) % 7 * 30)
            (r, g, b) = (v, v, v)
          }
        case "noise", "wide", "dot", "narrow":
          let v = generator.next()
          (r, g, b) = (UInt8(v & 255), UInt8((v >> 8) & 255), UInt8((v >> 16) & 255))
          if kind == "narrow", y % 3 == 0 { (r, g, b) = (9, 9, 9) }
        case "stripes":  // every row the same (copied rather than converted), some rows wide
          (r, g, b) = (UInt8(x % 251), UInt8(x / 251 % 256), UInt8(x % 7 * 30))
        case "skewed":
          // Byte k with chance 0.382 × 0.618^k (Fibonacci-like weights): an optimal Huffman
          // code would be ~20 bits deep; deflate's limit of 15 must be enforced.
          func draw() -> UInt8 {
            var k: UInt8 = 0
            while k < 60, generator.next() % 1_000 < 618 { k += 1 }
            return k
          }
          (r, g, b) = (draw(), draw(), draw())
        default:
          (r, g, b) = (12, 34, 56)
        }
        let at = y * stride + x * 4
        (pixels[at], pixels[at + 1], pixels[at + 2], pixels[at + 3]) = (b, g, r, 0)
        expected[x, y] = RGBAPixel(red: r, green: g, blue: b)
      }
    }
    let folder = TemporaryDirectory()
    for compression in [PNGCompression.flatGraphics, .zlib(level: 1), .zlib(level: 9)] {
      let path = folder.file("\(kind)-\(compression).png")
      try pixels.withUnsafeBytes { bytes in
        try PNGFile.writeOpaque(
          bgrx: bytes, width: width, height: height, stride: stride, to: path,
          compression: compression)
      }
      #expect(try PNGFile.read(path: path) == expected, "\(kind), \(compression)")
    }
  }

  /// A full disk (`/dev/full`) is an error naming the reason, not a crash or a short file
  /// taken for a PNG.
  @Test func aWriteThatFailsIsAnError() throws {
    try #require(FileManager.default.fileExists(atPath: "/dev/full"))
    // Noise: the deflated rows pass zlib's 64 KB output buffer, so IDAT writes fail mid-way.
    var generator = SystemRandomNumberGenerator()
    let pixels = (0..<400 * 300 * 4).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let failure = #expect(throws: PNGError.self) {
      try pixels.withUnsafeBytes { bytes in
        try PNGFile.writeOpaque(
          bgrx: bytes, width: 400, height: 300, stride: 1_600, to: "/dev/full")
      }
    }
    #expect(failure?.message.contains("No space") == true)
    let zlibFailure = #expect(throws: PNGError.self) {
      try pixels.withUnsafeBytes { bytes in
        try PNGFile.writeOpaque(
          bgrx: bytes, width: 400, height: 300, stride: 1_600, to: "/dev/full",
          compression: .zlib(level: 1))
      }
    }
    #expect(zlibFailure?.message.contains("No space") == true)
  }

  @Test func refusesImagesBeyondTheLimits() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("wide.png")
    try PNGFile.write(RGBAImage(width: 50, height: 1), to: path)
    #expect(throws: PNGError.self) {
      _ = try PNGFile.read(path: path, limits: DecodeLimits(maxWidth: 49))
    }
  }

  @Test func namesTheFunctionThatFailedOnDamagedFiles() throws {
    let folder = TemporaryDirectory()
    let path = folder.write([0x89, 0x50, 0x4E, 0x47, 1, 2, 3], to: "bad.png")
    #expect {
      _ = try PNGFile.read(path: path)
    } throws: { ($0 as? PNGError)?.code == 2 }
  }

  /// A 42-byte file whose zTXt chunk claims 1.7 GB: libpng allocated the claim before reading
  /// (FuzzPNG); the chunk walk refuses it first, in the user's words, for the header and the
  /// pixels alike.
  @Test func aChunkLongerThanTheFileIsRefusedBeforeLibpngAllocatesIt() throws {
    let folder = TemporaryDirectory()
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    bytes += [0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0, 100, 0, 0, 0, 10, 8, 2, 0, 0, 0]
    bytes += [0xCD, 0x7E, 0x6C, 0x29]
    bytes += Array("fdAT".utf8) + Array("zTXt".utf8) + [0x1F]
    let path = folder.write(bytes, to: "claims.png")
    for read in [{ _ = try PNGFile.header(path: path) }, { _ = try PNGFile.read(path: path) }] {
      do {
        try read()
        Issue.record("no error")
      } catch let error as PNGError {
        #expect(error.category == .badInput)
        #expect(error.description.contains("not a readable PNG"))
        #expect(
          error.technicalDetail?.contains(
            "a zTXt chunk claims 1717846356 bytes where the file has 1 left")
            == true, "\(error.technicalDetail ?? "")")
      }
    }
  }
}
