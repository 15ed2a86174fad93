/// What a GIF says about itself besides its pixels.
public struct GIFMetadata: Sendable, Hashable {
  /// The NETSCAPE2.0 loop count as stored: `0` loops forever, `nil` means the file has no loop
  /// block (browsers play it once).
  public var loopCount: Int?
  /// Comment extensions, decoded as UTF-8 with invalid bytes replaced (never fails).
  public var comments: [String] = []
  /// Whether the file declares a global colour table.
  public var hasGlobalColorTable: Bool = false

  public init(loopCount: Int? = nil, comments: [String] = [], hasGlobalColorTable: Bool = false) {
    self.loopCount = loopCount
    self.comments = comments
    self.hasGlobalColorTable = hasGlobalColorTable
  }
}
