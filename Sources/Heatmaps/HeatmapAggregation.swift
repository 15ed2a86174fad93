/// How the rows falling in one cell become its value.
public enum HeatmapAggregation: String, Sendable, Hashable, Codable, CaseIterable {
  case sum, mean, median, count, min, max
}
