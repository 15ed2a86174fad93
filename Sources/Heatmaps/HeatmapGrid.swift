public import LumenCore

/// A heatmap's cells: row and column labels and one value per cell, row by row (`nan` for a
/// missing cell).
public struct HeatmapGrid: Sendable, Hashable {
  public var rowLabels: [String]
  public var columnLabels: [String]
  /// Row-major values; `nan` is a cell without data.
  public var values: [Double]
  /// What the rows, columns and values are (`weekday(time)`, `hour(time)`, `mean(temp)`).
  public var rowTitle: String
  public var columnTitle: String
  public var valueTitle: String
  /// For a calendar: the first year of its blocks (row `7 * k + weekday` is year `firstYear +
  /// k`; column `w` is week `w`).
  public var calendarFirstYear: Int?
  /// Cells that are not part of the picture: calendar cells that are not days, density bins
  /// without a point (drawn clear, over the basemap).
  public var blankCells: Set<Int> = []
  /// For a density map: the basemap's rings in grid units (a bin is 1 × 1).
  public var basemap: [[Point]]?
  /// For a density map: how the points were binned, for the report.
  public var densityNote: String?

  public var rowCount: Int { rowLabels.count }
  public var columnCount: Int { columnLabels.count }

  /// The value at a row and column.
  public subscript(row: Int, column: Int) -> Double { values[row * columnLabels.count + column] }

  /// The grid with its rows and columns taken in the orders given.
  func reordered(rows: [Int], columns: [Int]) -> HeatmapGrid {
    var copy = self
    copy.rowLabels = rows.map { rowLabels[$0] }
    copy.columnLabels = columns.map { columnLabels[$0] }
    var values: [Double] = []
    values.reserveCapacity(self.values.count)
    for r in rows {
      for c in columns { values.append(self[r, c]) }
    }
    copy.values = values
    return copy
  }
}
