internal import Foundation
internal import Tables

/// Turns a table into a grid: a matrix as it stands, a long table pivoted, or dates laid out
/// as a calendar.
enum HeatmapGridBuilder {
  static func grid(_ table: Table, options: HeatmapOptions) throws(HeatmapError) -> HeatmapGrid {
    switch options.shape {
    case .matrix: try matrix(table, options: options)
    case .pivot: try pivot(table, options: options)
    case .calendar: try calendar(table, options: options)
    case .density: try HeatmapDensity.grid(table, options: options)
    }
  }

  // MARK: - Matrix

  static func matrix(_ table: Table, options: HeatmapOptions) throws(HeatmapError) -> HeatmapGrid {
    guard table.columns.count >= 2 else {
      throw .unsuitableData(
        "\(table.source) has one column; a matrix needs row labels in the first column and values in the others (or give x and y for a long table)"
      )
    }
    let labels = table.columns[0]
    let rows = table.rowCount
    try checkSides(rows: rows, columns: table.columns.count - 1, options: options)
    let rowLabels = (0..<rows).map { labels.values.text(at: $0) ?? "" }
    var values = [Double](repeating: .nan, count: rows * (table.columns.count - 1))
    let width = table.columns.count - 1
    for (c, column) in table.columns.dropFirst().enumerated() {
      if column.missingCount == rows { continue }  // an empty column: no data
      guard case .numbers(let numbers) = column.values, column.kind.isNumeric else {
        let (row, text) = firstNonNumber(column, rows: rows)
        throw .unsuitableData(
          "\(table.source): the cell in row \(rowLabels[row].isEmpty ? String(row + 1) : "\"\(rowLabels[row])\"") (line \(row + 2)), column \"\(column.name)\" is \"\(text)\", not a number; a matrix needs numbers in every cell after the first column (leave a cell empty for no data, or give x and y for a long table)"
        )
      }
      for r in 0..<rows { if let v = numbers[r] { values[r * width + c] = v } }
    }
    return matrixGrid(
      labels: labels, rowLabels: rowLabels, columnLabels: table.columns.dropFirst().map(\.name),
      values: values, options: options)
  }

  /// A matrix read straight into numbers (``TableReader/readNumberMatrix(path:limits:)``): the
  /// same grid as ``matrix(_:options:)`` makes from the table.
  static func matrix(_ matrix: NumberMatrix, options: HeatmapOptions) throws(HeatmapError)
    -> HeatmapGrid
  {
    let rows = matrix.rowCount
    try checkSides(rows: rows, columns: matrix.columnNames.count, options: options)
    return matrixGrid(
      labels: matrix.labels, rowLabels: (0..<rows).map { matrix.labels.values.text(at: $0) ?? "" },
      columnLabels: matrix.columnNames, values: matrix.values, options: options)
  }

  private static func matrixGrid(
    labels: TableColumn, rowLabels: [String], columnLabels: [String], values: [Double],
    options: HeatmapOptions
  ) -> HeatmapGrid {
    HeatmapGrid(
      rowLabels: rowLabels, columnLabels: columnLabels, values: values,
      rowTitle: options.yTitle ?? (labels.name.isEmpty ? "row" : labels.name),
      columnTitle: options.xTitle ?? "column", valueTitle: "value")
  }

  /// The first value of a column that is not a number, for the error.
  private static func firstNonNumber(_ column: TableColumn, rows: Int) -> (Int, String) {
    if let odd = column.firstNonNumber { return (max(0, odd.row - 1), odd.text) }
    for r in 0..<rows {
      if let text = column.values.text(at: r) { return (r, text) }
    }
    return (0, "")
  }

  // MARK: - Pivot

  /// The key of each row along one axis: the labels in order and each row's index (or -1).
  private struct AxisKeys {
    var labels: [String]
    var rowKeys: [Int32]
    var title: String
  }

  static func pivot(_ table: Table, options: HeatmapOptions) throws(HeatmapError) -> HeatmapGrid {
    let across = try keys(spec: options.x!, table: table, options: options)
    let down = try keys(spec: options.y!, table: table, options: options)
    let aggregation = options.resolvedAggregation
    var numbers: [Double?]?
    var valueTitle = "count"
    if let name = options.value {
      numbers = try numericColumn(name, table: table)
      valueTitle = "\(aggregation.rawValue)(\(name))"
    }
    let width = across.labels.count
    var cells = [CellAccumulator](repeating: CellAccumulator(), count: width * down.labels.count)
    let keep = aggregation == .median
    for r in 0..<table.rowCount {
      let c = across.rowKeys[r]
      let d = down.rowKeys[r]
      guard c >= 0, d >= 0 else { continue }
      if let numbers {
        guard let v = numbers[r] else { continue }
        cells[Int(d) * width + Int(c)].add(v, keep: keep)
      } else {
        cells[Int(d) * width + Int(c)].add(1, keep: false)
      }
    }
    return HeatmapGrid(
      rowLabels: down.labels, columnLabels: across.labels,
      values: cells.map { $0.value(aggregation) }, rowTitle: options.yTitle ?? down.title,
      columnTitle: options.xTitle ?? across.title, valueTitle: valueTitle)
  }

  private static func numericColumn(_ name: String, table: Table) throws(HeatmapError) -> [Double?]
  {
    guard let column = table.column(name) else {
      throw .unsuitableData("\(table.source) has no column \"\(name)\"")
    }
    guard case .numbers(let numbers) = column.values else {
      let (row, text) = firstNonNumber(column, rows: table.rowCount)
      throw .unsuitableData(
        "\(table.source): value column \"\(name)\" holds \(column.kind.rawValue)s (line \(row + 2) is \"\(text)\"); the value must be a numeric column (or leave out value to count rows)"
      )
    }
    return numbers
  }

  /// Each row's key along an axis: a date part for `unit:column`, else the column's values,
  /// sorted ascending (numbers by value, dates by time, words alphabetically).
  private static func keys(spec: String, table: Table, options: HeatmapOptions)
    throws(HeatmapError) -> AxisKeys
  {
    let bucket = DateBucket(spec: spec)
    let name = bucket?.column ?? spec
    guard let column = table.column(name) else {
      throw .unsuitableData("\(table.source) has no column \"\(name)\"")
    }
    var ordered: [(order: Double, label: String)] = []
    var index: [String: Int32] = [:]
    var rowKeys = [Int32](repeating: -1, count: table.rowCount)
    let limit = options.maxSide
    func add(_ key: (order: Double, label: String), row: Int) throws(HeatmapError) {
      if let known = index[key.label] {
        rowKeys[row] = known
        return
      }
      guard ordered.count < limit else {
        throw .limitExceeded(
          "\(spec) has more than \(limit) distinct values; a heatmap shows at most \(limit) a side (group dates with hour:, weekday:, month:, year: or date:, or choose a column with fewer values)"
        )
      }
      index[key.label] = Int32(ordered.count)
      rowKeys[row] = Int32(ordered.count)
      ordered.append(key)
    }
    if let bucket {
      guard case .moments(let moments) = column.values else {
        throw .unsuitableData(
          "\(spec): \"\(name)\" holds \(column.kind.rawValue)s, not dates or times; \(bucket.unit.rawValue): groups a date or datetime column"
        )
      }
      for r in 0..<moments.count {
        if let s = moments[r] { try add(bucket.key(seconds: s), row: r) }
      }
    } else {
      switch column.values {
      case .numbers(let v), .moments(let v):
        let moments = column.kind.isTemporal
        for r in 0..<v.count {
          guard let x = v[r] else { continue }
          let label =
            moments
            ? CivilDate.text(seconds: x, withTime: column.kind == .datetime)
            : ValueText.shortest(x)
          try add((x, label), row: r)
        }
      case .booleans(let v):
        for r in 0..<v.count {
          if let b = v[r] { try add((b ? 1 : 0, b ? "true" : "false"), row: r) }
        }
      case .texts(let v):
        for r in 0..<v.count {
          if let t = v[r] { try add((0, t), row: r) }
        }
      }
    }
    // Sort the keys and renumber the rows.
    let isText = if case .texts = column.values, bucket == nil { true } else { false }
    let permutation = ordered.indices.sorted { a, b in
      if isText { return ordered[a].label < ordered[b].label }
      return ordered[a].order < ordered[b].order
    }
    var newIndex = [Int32](repeating: 0, count: ordered.count)
    for (position, old) in permutation.enumerated() { newIndex[old] = Int32(position) }
    for r in rowKeys.indices where rowKeys[r] >= 0 { rowKeys[r] = newIndex[Int(rowKeys[r])] }
    return AxisKeys(
      labels: permutation.map { ordered[$0].label }, rowKeys: rowKeys,
      title: bucket?.title ?? name)
  }

  // MARK: - Calendar

  static func calendar(_ table: Table, options: HeatmapOptions) throws(HeatmapError) -> HeatmapGrid
  {
    let name = options.calendar!
    guard let column = table.column(name) else {
      throw .unsuitableData("\(table.source) has no column \"\(name)\"")
    }
    guard case .moments(let moments) = column.values else {
      throw .unsuitableData(
        "calendar: \"\(name)\" holds \(column.kind.rawValue)s, not dates; a calendar needs a date or datetime column"
      )
    }
    var numbers: [Double?]?
    let aggregation = options.resolvedAggregation
    var valueTitle = "count"
    if let value = options.value {
      numbers = try numericColumn(value, table: table)
      valueTitle = aggregation == .sum ? value : "\(aggregation.rawValue)(\(value))"
    }
    var byDay: [Int: CellAccumulator] = [:]
    for r in 0..<moments.count {
      guard let s = moments[r] else { continue }
      let day = Int((s / 86_400).rounded(.down))
      if let numbers {
        guard let v = numbers[r] else { continue }
        byDay[day, default: CellAccumulator()].add(v, keep: aggregation == .median)
      } else {
        byDay[day, default: CellAccumulator()].add(1, keep: false)
      }
    }
    guard let first = byDay.keys.min(), let last = byDay.keys.max() else {
      throw .unsuitableData("calendar: \"\(name)\" has no dates with values")
    }
    let firstYear = CivilDate.date(days: first).year
    let lastYear = CivilDate.date(days: last).year
    guard lastYear - firstYear < 50 else {
      throw .limitExceeded(
        "calendar: the dates span \(firstYear)–\(lastYear); a calendar shows at most 50 years (use --x year:\(name) --y month:\(name) for a longer span)"
      )
    }
    let years = lastYear - firstYear + 1
    var values = [Double](repeating: .nan, count: years * 7 * 53)
    var blankCells = Set<Int>()
    for k in 0..<years {
      let year = firstYear + k
      let start = CivilDate.days(year: year, month: 1, day: 1)
      let end = CivilDate.days(year: year + 1, month: 1, day: 1)
      let offset = CivilDate.weekday(days: start)
      for cell in 0..<(7 * 53) {
        let week = cell % 53
        let weekday = cell / 53
        let day = start - offset + week * 7 + weekday
        let index = (k * 7 + weekday) * 53 + week
        if day < start || day >= end {
          blankCells.insert(index)
        } else if let cell = byDay[day] {
          values[index] = cell.value(aggregation)
        } else if numbers == nil {
          values[index] = 0
        }
      }
    }
    var rowLabels: [String] = []
    for k in 0..<years {
      for weekday in CivilDate.weekdayNames { rowLabels.append("\(firstYear + k) \(weekday)") }
    }
    var grid = HeatmapGrid(
      rowLabels: rowLabels, columnLabels: (1...53).map(String.init), values: values,
      rowTitle: options.yTitle ?? "weekday", columnTitle: options.xTitle ?? "week",
      valueTitle: valueTitle)
    grid.calendarFirstYear = firstYear
    grid.blankCells = blankCells
    return grid
  }

  /// Refuses grids past the side limit, before any cell is made.
  static func checkSides(rows: Int, columns: Int, options: HeatmapOptions) throws(HeatmapError) {
    guard rows > 0 else { throw .unsuitableData("the table has no data rows") }
    if rows > options.maxSide || columns > options.maxSide {
      throw .limitExceeded(
        "the matrix is \(rows) rows × \(columns) columns; a heatmap shows at most \(options.maxSide) a side (aggregate it first, or give x and y to pivot a long table)"
      )
    }
  }
}
