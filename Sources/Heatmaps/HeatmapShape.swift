/// How a table becomes a grid.
public enum HeatmapShape: String, Sendable, Hashable, Codable, CaseIterable {
  /// First column row labels, header column labels, numeric cells.
  case matrix
  /// A long table pivoted: one column across, one down, a value aggregated per cell.
  case pivot
  /// Dates laid out as weeks across and weekdays down, one block per year.
  case calendar
  /// Points (latitude, longitude) binned over a basemap.
  case density
}
