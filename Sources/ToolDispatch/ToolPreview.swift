/// A small picture that goes inline with a result, for a client that shows images (a palette
/// swatch, a map frame). Only still images, and only small ones: video and large files are
/// referred to by path, never inlined.
public struct ToolPreview: Sendable, Hashable {
  /// The still-image formats a preview can have.
  public enum Format: String, Sendable, Hashable {
    case png = "image/png"
    case jpeg = "image/jpeg"

    /// The media type (`image/png`).
    public var mimeType: String { rawValue }
  }

  /// The largest preview put inline, in bytes (about 100 KB, well under what clients accept).
  public static let byteLimit = 100_000

  public let format: Format
  /// The encoded file.
  public let bytes: [UInt8]

  /// A preview, or `nil` when `bytes` is over ``byteLimit`` (the caller then says so in text).
  public init?(format: Format, bytes: [UInt8]) {
    guard !bytes.isEmpty, bytes.count <= Self.byteLimit else { return nil }
    self.format = format
    self.bytes = bytes
  }
}
