/// Whether values are written in the cells.
public enum HeatmapAnnotation: String, Sendable, Hashable, Codable, CaseIterable {
  /// When every value fits its cell.
  case auto
  case on
  case off
}
