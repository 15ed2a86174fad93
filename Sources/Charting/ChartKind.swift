/// What kind of chart to draw.
public enum ChartKind: String, Sendable, Hashable, Codable, CaseIterable {
  case bar, line, area, scatter, histogram, box, pie, heatmap
}
