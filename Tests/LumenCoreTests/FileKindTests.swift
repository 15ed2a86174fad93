import LumenCore
import Testing

/// Kinds told from first bytes: an ISO media file is a video unless its brand is a still
/// image's (an iPhone's HEIC, AVIF).
@Suite struct FileKindTests {
  static func iso(_ brand: String) -> [UInt8] {
    [0, 0, 0, 0x18] + Array("ftyp\(brand)".utf8) + [0, 0, 0, 0] + Array("isom".utf8)
  }

  @Test func tellsStillPhotosFromVideos() {
    for brand in ["heic", "heix", "mif1", "avif"] {
      #expect(FileKind.sniff(Self.iso(brand)) == .heif, "\(brand)")
    }
    for brand in ["isom", "mp42", "qt  ", "M4V "] {
      #expect(FileKind.sniff(Self.iso(brand)) == .mp4, "\(brand)")
    }
    #expect(FileKind.heif.phrase.contains("save it as JPEG or PNG"))
    #expect(FileKind.heif.mimeType == "image/heif")
  }
}
