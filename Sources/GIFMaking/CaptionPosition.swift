/// Where a caption is drawn.
public enum CaptionPosition: String, Sendable, Hashable, CaseIterable, Codable {
  case top, bottom
}
