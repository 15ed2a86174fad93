internal import Foundation

/// An image's width and height read from its header alone (a few hundred bytes at most), for
/// listings that must stay cheap: GIF, PNG, JPEG (the first SOF marker), BMP and WebP.
public enum ImageDimensions {
  /// The size stored in the header, or `nil` when the kind has none or the header is damaged.
  public static func read(path: String, kind: FileKind) -> Size? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    switch kind {
    case .gif:
      guard let b = try? handle.read(upToCount: 10).map(Array.init), b.count == 10 else {
        return nil
      }
      return size(Int(b[6]) | Int(b[7]) << 8, Int(b[8]) | Int(b[9]) << 8)
    case .png:
      guard let b = try? handle.read(upToCount: 24).map(Array.init), b.count == 24 else {
        return nil
      }
      return size(be32(b, 16), be32(b, 20))
    case .bmp:
      guard let b = try? handle.read(upToCount: 26).map(Array.init), b.count == 26 else {
        return nil
      }
      return size(le32(b, 18), abs(Int(Int32(truncatingIfNeeded: le32(b, 22)))))
    case .webp:
      guard let b = try? handle.read(upToCount: 30).map(Array.init), b.count == 30 else {
        return nil
      }
      switch String(decoding: b[12..<16], as: UTF8.self) {
      case "VP8 ": return size(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF)
      case "VP8L":
        let bits = le32(b, 21)
        return size((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
      case "VP8X": return size((le32(b, 24) & 0xFFFFFF) + 1, (le32(b, 27) & 0xFFFFFF) + 1)
      default: return nil
      }
    case .jpeg:
      guard let data = try? handle.read(upToCount: 256 << 10) else { return nil }
      return jpegSize(Array(data))
    default:
      return nil
    }
  }

  /// Walks the JPEG markers to the first start-of-frame (SOF0…SOF15 except DHT, JPG, DAC).
  static func jpegSize(_ b: [UInt8]) -> Size? {
    var i = 2
    while i + 9 < b.count {
      guard b[i] == 0xFF else { return nil }
      let marker = b[i + 1]
      if marker == 0xFF {
        i += 1
        continue
      }
      let length = be16(b, i + 2)
      if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
        return size(be16(b, i + 7), be16(b, i + 5))
      }
      i += 2 + length
    }
    return nil
  }

  private static func size(_ width: Int, _ height: Int) -> Size? {
    width > 0 && height > 0 ? Size(width: width, height: height) : nil
  }
  private static func be16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
  private static func be32(_ b: [UInt8], _ i: Int) -> Int { be16(b, i) << 16 | be16(b, i + 2) }
  private static func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
  private static func le32(_ b: [UInt8], _ i: Int) -> Int { le16(b, i) | le16(b, i + 2) << 16 }
}
