internal import Foundation
internal import JPEGCodec
internal import LumenCore

/// An image file's format, recognised from its first bytes (not its name).
public enum ImageFormat: String, Sendable, Codable {
  case png, gif, jpeg
  /// Anything else: handed to FFmpeg (WebP, BMP, TIFF, …).
  case other

  /// Reads the signature of `path`.
  static func sniff(path: String) throws(ImageReadError) -> ImageFormat {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw .unreadable(path: path, reason: "it is a folder, not an image file")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "no such file or not readable")
    }
    defer { try? handle.close() }
    let head = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
    if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
    if head.starts(with: Array("GIF8".utf8)) { return .gif }
    if JPEGFile.isJPEG(head) { return .jpeg }
    switch FileKind.sniff(head) {
    case .empty: throw .unreadable(path: path, reason: "the file is empty")
    case .webp, .bmp, .tiff, .unknown: return .other
    case let kind: throw .notAnImage(path: path, kind: kind)
    }
  }

  /// Whether the PNG at `path` is animated (an APNG: an `acTL` chunk before the first `IDAT`),
  /// from its chunk headers; false for anything unreadable or not a PNG.
  public static func isAnimatedPNG(path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    guard let signature = try? handle.read(upToCount: 8),
      signature.elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    else { return false }
    var offset: UInt64 = 8
    for _ in 0..<64 {
      guard (try? handle.seek(toOffset: offset)) != nil,
        let header = try? handle.read(upToCount: 8), header.count == 8
      else { return false }
      let bytes = [UInt8](header)
      let length =
        UInt64(bytes[0]) << 24 | UInt64(bytes[1]) << 16 | UInt64(bytes[2]) << 8
        | UInt64(bytes[3])
      switch String(decoding: bytes[4..<8], as: UTF8.self) {
      case "acTL": return true
      case "IDAT", "IEND": return false
      default: offset += 12 + length
      }
    }
    return false
  }
}
