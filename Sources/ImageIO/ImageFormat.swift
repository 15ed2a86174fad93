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
}
