internal import Tables

/// The table's columns as a chart reads them: x keys, values per y column, series keys.
struct ChartInput {
  let table: Table
  let options: ChartOptions

  init(table: Table, options: ChartOptions) {
    self.table = table
    self.options = options
  }

  var xColumn: TableColumn { table.column(options.x)! }

  /// The numbers of a column needed as numbers, or a clear error.
  func numbers(_ name: String, role: String) throws(ChartError) -> [Double?] {
    let column = table.column(name)!
    if let values = column.numbers, column.kind != .identifier { return values }
    if let word = column.firstNonNumber {
      throw .unsuitableData(
        "\(role) column \"\(name)\" must hold numbers, but data row \(word.row) of \(table.source) has \"\(word.text)\"; fix or remove that value"
      )
    }
    throw .unsuitableData(
      "\(role) column \"\(name)\" holds \(column.kind.rawValue) values, not numbers; choose a numeric column for \(role)"
    )
  }

  /// Each row's x as a category key and label, in first-seen order (numbers and dates
  /// sorted ascending); dates grouped by the time unit.
  func xCategories() -> (keys: [Int?], labels: [String]) {
    let column = xColumn
    switch column.values {
    case .moments(let seconds):
      let unit = options.timeUnit
      let starts = seconds.map { s in s.map { unit?.start(of: $0) ?? $0 } }
      let distinct = Array(Set(starts.compactMap { $0 })).sorted()
      let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
      let labels = distinct.map {
        unit?.label($0) ?? CivilDate.text(seconds: $0, withTime: column.kind == .datetime)
      }
      return (starts.map { $0.flatMap { index[$0] } }, labels)
    case .numbers(let numbers):
      let distinct = Array(Set(numbers.compactMap { $0 })).sorted()
      let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
      let format = ValueFormat(unit: column.unit)
      return (numbers.map { $0.flatMap { index[$0] } }, distinct.map { format.string($0) })
    case .booleans(let values):
      return (values.map { $0.map { $0 ? 1 : 0 } }, ["false", "true"])
    case .texts(let texts):
      var index: [String: Int] = [:]
      var labels: [String] = []
      let keys = texts.map { text -> Int? in
        guard let text else { return nil }
        if let i = index[text] { return i }
        index[text] = labels.count
        labels.append(text)
        return labels.count - 1
      }
      return (keys, labels)
    }
  }

  /// Each row's series key and the series names: by the color column, or one series.
  func seriesKeys() -> (keys: [Int?], names: [String?]) {
    guard let name = options.color, let column = table.column(name) else {
      return (Array(repeating: 0, count: table.rowCount), [nil])
    }
    var index: [String: Int] = [:]
    var names: [String] = []
    var keys: [Int?] = []
    keys.reserveCapacity(table.rowCount)
    for text in (0..<table.rowCount).map({ column.values.text(at: $0) }) {
      guard let text else {
        keys.append(nil)
        continue
      }
      if let i = index[text] {
        keys.append(i)
      } else {
        index[text] = names.count
        names.append(text)
        keys.append(names.count - 1)
      }
    }
    if case .numbers = column.values {
      // Numeric series in ascending order.
      let sorted = names.sorted { (Double($0) ?? 0) < (Double($1) ?? 0) }
      let remap = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { (index[$1]!, $0) })
      return (keys.map { $0.flatMap { remap[$0] } }, sorted)
    }
    return (keys, names)
  }
}
