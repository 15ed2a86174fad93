internal import Foundation

/// What a file is, told from its first bytes (never from its name), so a decoder is chosen
/// by content and a wrong file gets a plain answer ("a PNG image, not a GIF").
public enum FileKind: String, Sendable, Hashable, CaseIterable, Codable {
  case gif, png, jpeg, webp, bmp, tiff, mp4, webm, pdf, zip, text, empty, unknown
  /// An HEIF (an iPhone's HEIC photo) or AVIF still image: an ISO media file like an MP4,
  /// told apart by its brand.
  case heif

  /// How to name the kind in a sentence ("a PNG image").
  public var phrase: String {
    switch self {
    case .gif: "a GIF image"
    case .png: "a PNG image"
    case .jpeg: "a JPEG image"
    case .webp: "a WebP image"
    case .bmp: "a BMP image"
    case .tiff: "a TIFF image"
    case .mp4: "an MP4/MOV video"
    case .webm: "a WebM/Matroska video"
    case .pdf: "a PDF document"
    case .zip: "a ZIP archive (or an xlsx/docx file)"
    case .text: "a text file"
    case .empty: "an empty file"
    case .unknown: "a file of unknown type"
    case .heif: "a HEIC/HEIF or AVIF photo, which Lumen cannot decode yet (save it as JPEG or PNG)"
    }
  }

  /// The MIME type of files of this kind.
  public var mimeType: String {
    switch self {
    case .gif: "image/gif"
    case .png: "image/png"
    case .jpeg: "image/jpeg"
    case .webp: "image/webp"
    case .bmp: "image/bmp"
    case .tiff: "image/tiff"
    case .mp4: "video/mp4"
    case .webm: "video/webm"
    case .pdf: "application/pdf"
    case .zip: "application/zip"
    case .text: "text/plain"
    case .heif: "image/heif"
    case .empty, .unknown: "application/octet-stream"
    }
  }

  /// Whether Lumen's image decoders read this kind.
  public var isImage: Bool { [.gif, .png, .jpeg, .webp, .bmp, .tiff].contains(self) }

  /// The kind of the bytes a file starts with (16 are enough).
  public static func sniff(_ head: some Collection<UInt8>) -> FileKind {
    let b = Array(head.prefix(16))
    func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
      b.count >= offset + prefix.count && Array(b[offset..<offset + prefix.count]) == prefix
    }
    if b.isEmpty { return .empty }
    if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
    if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
    if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
    if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
    if starts(Array("BM".utf8)) && b.count >= 14 { return .bmp }
    if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
    if starts(Array("ftyp".utf8), at: 4) {
      let stillBrands = ["heic", "heix", "heim", "heis", "mif1", "avif"]
      return stillBrands.contains { starts(Array($0.utf8), at: 8) } ? .heif : .mp4
    }
    if starts([0x1A, 0x45, 0xDF, 0xA3]) { return .webm }
    if starts(Array("%PDF".utf8)) { return .pdf }
    if starts([0x50, 0x4B, 0x03, 0x04]) { return .zip }
    if looksLikeText(b) { return .text }
    return .unknown
  }

  /// The kind of a file, from its first 16 bytes; `nil` when it cannot be opened.
  public static func sniff(path: String) -> FileKind? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: 16) else { return .empty }
    return sniff(data)
  }

  /// UTF-8 (or ASCII) without control bytes other than tab, CR, LF and form feed; a sequence
  /// cut at the end of the sample still counts.
  private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
    for byte in body where byte < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(byte) { return false }
    if body.contains(0x7F) { return false }
    // A multi-byte sequence may be cut by the sample's end: allow up to three bytes short.
    return (0...min(3, body.count)).contains { cut in
      String(validating: body.dropLast(cut), as: UTF8.self) != nil
    }
  }
}
