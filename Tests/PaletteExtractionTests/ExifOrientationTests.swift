import Foundation
import ImageIO
import JPEGCodec
import LumenCore
import TestSupport
import Testing

/// EXIF orientation read from a JPEG's bytes, damaged blocks read as upright, and a phone's
/// portrait photo handed out upright.
@Suite struct ExifOrientationTests {
  /// An APP1 EXIF segment (marker included) whose first directory holds `entries` (tag, type,
  /// value) and claims `count` entries.
  static func app1(
    bigEndian: Bool = false, entries: [(tag: UInt16, type: UInt16, value: UInt16)],
    count: Int? = nil, firstDirectory: UInt32 = 8
  ) -> [UInt8] {
    func u16(_ v: UInt16) -> [UInt8] {
      bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)]
    }
    func u32(_ v: UInt32) -> [UInt8] {
      let bytes = (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) }
      return bigEndian ? bytes.reversed() : bytes
    }
    var tiff: [UInt8] = (bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]) + u16(42) + u32(firstDirectory)
    tiff += u16(UInt16(count ?? entries.count))
    for entry in entries {
      tiff += u16(entry.tag) + u16(entry.type) + u32(1) + u16(entry.value) + [0, 0]
    }
    tiff += u32(0)
    let body: [UInt8] = Array("Exif".utf8) + [0, 0] + tiff
    let length = body.count + 2
    return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + body
  }

  /// A file start with the segment, then a scan marker.
  static func jpeg(_ segments: [UInt8]) -> [UInt8] {
    [0xFF, 0xD8] + segments + [0xFF, 0xDA, 0x00, 0x02]
  }

  @Test func readsEachOrientationInEitherByteOrder() {
    let expected: [UInt16: PictureOrientation] = [
      1: .upright, 2: .mirrored, 3: .halfTurn, 4: .flipped, 5: .transposed, 6: .clockwise,
      7: .antiTransposed, 8: .counterclockwise, 9: .upright,
    ]
    for (value, orientation) in expected {
      for bigEndian in [false, true] {
        let file = Self.jpeg(
          Self.app1(
            bigEndian: bigEndian,
            entries: [(0x010F, 2, 0), (0x0112, 3, value)]))
        #expect(ExifOrientation.read(file) == orientation, "value \(value), big \(bigEndian)")
      }
    }
  }

  @Test func readsDamagedOrMissingBlocksAsUpright() {
    let good = Self.app1(entries: [(0x0112, 3, 6)])
    #expect(ExifOrientation.read(Self.jpeg(good)) == .clockwise)
    let cases: [[UInt8]] = [
      [],
      [0xFF, 0xD8],
      Self.jpeg([]),
      Array(Self.jpeg(good).prefix(20)),  // cut inside the block
      Self.jpeg(Self.app1(entries: [(0x010F, 2, 0)], count: 60_000)),  // claims 60,000 entries
      Self.jpeg(Self.app1(entries: [(0x0112, 3, 6)], firstDirectory: 0xFFFF_FFF0)),
      Self.jpeg(Self.app1(entries: [(0x0112, 4, 6)])),  // not a SHORT
      [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01],  // a length below 2
      [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 0x45],  // a length past the end
    ]
    for bytes in cases { #expect(ExifOrientation.read(bytes) == .upright, "\(bytes.prefix(12))") }
  }

  /// A photo stored landscape with orientation 6 is handed out turned a quarter clockwise;
  /// without `upright` it is left as stored.
  @Test func aPortraitPhotoIsHandedOutUpright() throws {
    let original = try [UInt8](
      Data(contentsOf: URL(fileURLWithPath: Fixtures.path("photo_hopper.jpg"))))
    let folder = TemporaryDirectory()
    let rotated = folder.write(
      [0xFF, 0xD8] + Self.app1(entries: [(0x0112, 3, 6)]) + original.dropFirst(2), to: "p.jpg")
    let stored = try JPEGFile.read(path: Fixtures.path("photo_hopper.jpg")).image
    let decoded = try JPEGFile.read(path: rotated)
    #expect(decoded.orientation == .clockwise)
    #expect(decoded.image.width == stored.height && decoded.image.height == stored.width)
    #expect(decoded.image == PictureOrientation.clockwise.apply(stored))
    // Stored top-left is shown top-right.
    #expect(decoded.image[decoded.image.width - 1, 0] == stored[0, 0])
    #expect(try JPEGFile.read(path: rotated, upright: false).image == stored)
    var shown = Size(width: 0, height: 0)
    let info = try ImageSource.read(path: rotated) {
      shown = Size(width: $0.width, height: $0.height)
    }
    #expect(info.width == stored.height && info.height == stored.width)
    #expect(shown == Size(width: stored.height, height: stored.width))
  }
}
