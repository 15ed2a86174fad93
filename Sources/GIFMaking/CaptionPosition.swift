/// Where a caption is drawn.
public enum CaptionPosition: String, Sendable, Hashable, CaseIterable, Codable {
  /// Along the top edge.
  case top
  /// Along the bottom edge.
  case bottom
}
