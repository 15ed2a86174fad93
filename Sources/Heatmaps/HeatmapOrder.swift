/// The order of a heatmap's rows and columns.
public enum HeatmapOrder: String, Sendable, Hashable, Codable, CaseIterable {
  /// As the table gives them (matrix), or ascending (pivot keys, weekdays Monday first).
  case given
  /// By mean value, largest first.
  case sort
  /// Hierarchical clustering, average linkage on Euclidean distances: similar rows together.
  case cluster
}
