internal import Dispatch
internal import Tables

/// One pass over a table, batch by batch: a ``ColumnProfile`` per column (filled in parallel),
/// pairwise correlations, a row sample, rows by time and measures by category, duplicated
/// rows. Every part merges, so shards analysed apart (``AnalysisState``) combine into the
/// same result.
struct TableProfile: Codable, Hashable, Sendable {
  /// What the profile keeps (exact limits and sample sizes).
  struct Sizes: Codable, Hashable, Sendable {
    var exactLimit: Int
    var distinctLimit = 100_000
    var sampleRows = 20_000
    var duplicateRows = 1_000_000
    var correlationColumns = 30
    var timeMeasures = 4
    var groupCategories = 6
    var groupMeasures = 6
  }

  let sizes: Sizes
  private(set) var header: [String] = []
  private(set) var rows = 0
  private(set) var columns: [ColumnProfile] = []
  /// The numeric columns correlated (chosen from the first batch).
  private(set) var numeric: [String] = []
  /// Pairs `(i, j)`, `i < j`, of ``numeric`` in row-major order.
  private(set) var pairs: [CoMoments] = []
  private(set) var sample: RowSample
  private(set) var timeSeries: TimeSeries?
  private(set) var groups: [GroupMeans] = []
  private(set) var duplicates: RowSet
  private(set) var warnings: [String] = []
  /// A column whose values have risen strictly from the first row on (an id, a time stamp),
  /// and its last value: while it does, no row repeats an earlier one.
  private var risingColumn: Int?
  private var risingLast = -Double.infinity

  init(sizes: Sizes) {
    self.sizes = sizes
    sample = RowSample(capacity: sizes.sampleRows)
    duplicates = RowSet(limit: sizes.duplicateRows)
  }

  /// The numbers of a column of a batch, NaN for missing or not a number.
  private static func numbers(_ column: TableColumn) -> [Double] {
    switch column.values {
    case .numbers(let v), .moments(let v): v.map { $0 ?? .nan }
    case .booleans(let v): v.map { $0.map { $0 ? 1 : 0 } ?? .nan }
    case .texts(let v): Array(repeating: .nan, count: v.count)
    }
  }

  /// Chooses the columns of the joint parts from the first batch's kinds.
  private mutating func plan(_ table: Table) {
    header = table.columns.map(\.name)
    columns = table.columns.map {
      ColumnProfile(
        name: $0.name, exactLimit: sizes.exactLimit, distinctLimit: sizes.distinctLimit)
    }
    let measures = table.columns.filter {
      $0.kind.isNumeric && !ColumnKind.nameLooksLikeIdentifier($0.name)
    }
    numeric = Array(measures.prefix(sizes.correlationColumns).map(\.name))
    pairs = Array(repeating: CoMoments(), count: numeric.count * (numeric.count - 1) / 2)
    if let time = table.columns.first(where: { $0.kind.isTemporal }) {
      timeSeries = TimeSeries(
        time: time.name, measures: measures.prefix(sizes.timeMeasures).map(\.name),
        datesOnly: time.kind == .date)
    }
    let categories = table.columns.filter { $0.kind == .category || $0.kind == .boolean }
    for category in categories.prefix(sizes.groupCategories) {
      for measure in measures.prefix(sizes.groupMeasures) {
        groups.append(GroupMeans(category: category.name, measure: measure.name))
      }
    }
  }

  /// Sizes the duplicate-row table and the numbers' exact stores for the rows the first
  /// batch foretells (its rows over the share of the file they took), when the reader knows
  /// that share.
  private mutating func reserve(for table: Table) {
    guard table.firstRow == 0, let share = table.sourceShare, share > 0, share < 1 else {
      return
    }
    let expected = Int((Double(table.rowCount) / share).rounded(.up))
    duplicates.reserve(rows: expected)
    for (i, column) in table.columns.enumerated() where i < columns.count {
      switch column.values {
      case .numbers, .moments: columns[i].reserve(rows: expected)
      case .booleans, .texts: break
      }
    }
  }

  /// Sorts every column's exact values in place (one column per task).
  mutating func sortValues() {
    columns.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let base = buffer.baseAddress!
      DispatchQueue.concurrentPerform(iterations: buffer.count) { base[$0].sortValues() }
    }
  }

  /// Lets go of what only the statistics need (every column's kept values and tallies, the
  /// row hashes), so drawing the charts does not add to the peak of memory.
  mutating func releaseValues() {
    for i in columns.indices { columns[i].releaseValues() }
    duplicates = RowSet(limit: duplicates.limit)
  }

  /// Adds a reading warning (once).
  mutating func appendWarning(_ warning: String) {
    if !warnings.contains(warning) { warnings.append(warning) }
  }

  /// Adds a batch of rows (the columns in the same order every time).
  mutating func add(_ table: Table) {
    if columns.isEmpty {
      plan(table)
      reserve(for: table)
    }
    // JSON Lines may name a new key in a later batch: its column was missing until now.
    while columns.count < table.columns.count {
      var column = ColumnProfile(
        name: table.columns[columns.count].name, exactLimit: sizes.exactLimit,
        distinctLimit: sizes.distinctLimit)
      column.addMissing(rows)
      columns.append(column)
      header.append(column.name)
    }
    let count = table.rowCount
    let rowsAreNew = stillRising(table)
    rows += count
    for warning in table.warnings { appendWarning(warning) }
    // Columns in parallel: each profile and its cell hashes are its own.
    var cellHashes = Array(repeating: [UInt64](), count: columns.count)
    let batchColumns = table.columns
    columns.withUnsafeMutableBufferPointer { profiles in
      cellHashes.withUnsafeMutableBufferPointer { hashes in
        let profilesBase = profiles.baseAddress!
        let hashesBase = hashes.baseAddress!
        let firstRow = table.firstRow
        nonisolated(unsafe) let p = profilesBase
        nonisolated(unsafe) let h = hashesBase
        DispatchQueue.concurrentPerform(iterations: batchColumns.count) { c in
          var own = [UInt64](repeating: 0, count: count)
          p[c].add(batchColumns[c], firstRow: firstRow, hashes: &own)
          h[c] = own
        }
      }
    }
    var rowHashes = [UInt64](repeating: 0x51ed_270b_2711_4ad7, count: count)
    rowHashes.withUnsafeMutableBufferPointer { rows in
      for (c, column) in cellHashes.enumerated() {
        let salt = StableHash.mix(UInt64(c) &+ 1)
        column.withUnsafeBufferPointer { cells in
          for row in 0..<count { rows[row] = StableHash.fold(rows[row], cells[row], salt: salt) }
        }
      }
      for row in 0..<count { rows[row] = StableHash.mix(rows[row]) }
    }
    duplicates.add(contentsOf: rowHashes, distinct: rowsAreNew)
    let byName = Dictionary(
      table.columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    // Each column's numbers made once for every part that reads them (NaN when absent).
    var wanted = Set(numeric).union(groups.map(\.measure))
    if let series = timeSeries { wanted.formUnion([series.time] + series.measures) }
    var numbersByName: [String: [Double]] = [:]
    for name in wanted {
      if let c = byName[name] { numbersByName[name] = Self.numbers(table.columns[c]) }
    }
    let absent = [Double](repeating: .nan, count: count)
    let numbers = numeric.map { numbersByName[$0] ?? absent }
    addPairs(numbers)
    sample.offer(count: count, columns: numbers)
    if var series = timeSeries, let times = numbersByName[series.time] {
      series.add(times: times, measures: series.measures.map { numbersByName[$0] ?? absent })
      timeSeries = series
    }
    addGroups(table, byName: byName, numbers: numbersByName, hashes: cellHashes)
  }

  /// Whether the batch's rows differ from every earlier row and from one another: a column
  /// (chosen in the first batch) has no missing value and rises strictly, from the first row
  /// on, through this batch.
  private mutating func stillRising(_ table: Table) -> Bool {
    func rises(_ c: Int, after last: Double) -> Double? {
      guard c < table.columns.count else { return nil }
      switch table.columns[c].values {
      case .numbers(let values), .moments(let values):
        var previous = last
        for value in values {
          guard let value, value > previous else { return nil }
          previous = value
        }
        return values.isEmpty ? nil : previous
      case .booleans, .texts: return nil
      }
    }
    if rows == 0 {
      for c in table.columns.indices {
        if let last = rises(c, after: -.infinity) {
          (risingColumn, risingLast) = (c, last)
          return true
        }
      }
      return false
    }
    guard let c = risingColumn, let last = rises(c, after: risingLast) else {
      risingColumn = nil
      return false
    }
    risingLast = last
    return true
  }

  private mutating func addPairs(_ numbers: [[Double]]) {
    guard pairs.count > 0 else { return }
    var pairIndex: [(Int, Int)] = []
    for i in numbers.indices {
      for j in (i + 1)..<numbers.count { pairIndex.append((i, j)) }
    }
    let index = pairIndex
    pairs.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let base = buffer.baseAddress!
      DispatchQueue.concurrentPerform(iterations: index.count) { k in
        let (i, j) = index[k]
        numbers[i].withUnsafeBufferPointer { xs in
          numbers[j].withUnsafeBufferPointer { ys in base[k].add(xs, ys) }
        }
      }
    }
  }

  private mutating func addGroups(
    _ table: Table, byName: [String: Int], numbers: [String: [Double]], hashes: [[UInt64]]
  ) {
    guard !groups.isEmpty else { return }
    var keysByCategory: [String: (groups: [Int], labels: [String])] = [:]
    for g in groups.indices {
      let name = groups[g].category
      guard let c = byName[name], byName[groups[g].measure] != nil else { continue }
      if keysByCategory[name] == nil {
        keysByCategory[name] = Self.groupKeys(table.columns[c], hashes: hashes[c])
      }
      let (keys, labels) = keysByCategory[name]!
      groups[g].add(groups: keys, labels: labels, values: numbers[groups[g].measure]!)
    }
  }

  /// Each row's group (its value's index among `labels`, -1 when missing), found by the cell
  /// hashes in a small open-addressing table (a category has few values).
  private static func groupKeys(_ column: TableColumn, hashes: [UInt64]) -> (
    groups: [Int], labels: [String]
  ) {
    if case .texts(let texts) = column.values, let (codes, labels) = texts.codes {
      // Codes already: past 128 values the rest count as missing, as below.
      return (codes.map { $0 < 128 ? Int($0) : -1 }, Array(labels.prefix(128)))
    }
    var labels: [String] = []
    var slots = [Int](repeating: -1, count: 256)
    var slotHashes = [UInt64](repeating: 0, count: 256)
    var keys = [Int](repeating: -1, count: hashes.count)
    for row in hashes.indices {
      let hash = hashes[row]
      if hash == ColumnProfile.missingHash { continue }
      var slot = Int(truncatingIfNeeded: hash) & 255
      while slots[slot] >= 0, slotHashes[slot] != hash { slot = (slot + 1) & 255 }
      if slots[slot] < 0 {
        // Past 128 values the table would fill: the rest count as missing for the groups
        // (GroupMeans keeps 60 at most anyway).
        guard labels.count < 128, let text = column.values.text(at: row) else { continue }
        slots[slot] = labels.count
        slotHashes[slot] = hash
        labels.append(text)
      }
      keys[row] = slots[slot]
    }
    return (keys, labels)
  }

  /// Adds a later shard: its rows follow these.
  mutating func merge(_ other: TableProfile) throws(AnalysisError) {
    if columns.isEmpty {
      self = other
      return
    }
    guard other.header == header else {
      throw .mergeMismatch(
        "the partial states have different columns (\(header.prefix(8).joined(separator: ", ")) vs \(other.header.prefix(8).joined(separator: ", "))); analyse every shard with the same columns"
      )
    }
    for c in columns.indices {
      var shifted = other.columns[c]
      shifted.offsetRows(by: rows)
      columns[c].merge(shifted)
    }
    if other.numeric == numeric {
      for k in pairs.indices { pairs[k].merge(other.pairs[k]) }
      sample.merge(other.sample)
    } else {
      // A shard whose first rows typed the columns differently: say what is partial.
      appendWarning(
        "the shards read different columns as numbers (\(numeric.joined(separator: ", ")) against \(other.numeric.joined(separator: ", "))); correlations and the scatter cover the first shard's choice only"
      )
    }
    if var series = timeSeries, let theirs = other.timeSeries, theirs.time == series.time,
      theirs.measures == series.measures
    {
      series.merge(theirs)
      timeSeries = series
    } else if timeSeries != nil || other.timeSeries != nil {
      appendWarning(
        "the shards chose different time columns or measures; the chart over time covers part of the rows"
      )
    }
    for g in groups.indices {
      if let theirs = other.groups.first(where: {
        $0.category == groups[g].category && $0.measure == groups[g].measure
      }) {
        groups[g].merge(theirs)
      }
    }
    duplicates.merge(other.duplicates)
    // Whether the shards' rows rise through both is not known: no later row is taken as new.
    risingColumn = nil
    rows += other.rows
    for warning in other.warnings { appendWarning(warning) }
  }
}

extension TableProfile {
  /// Whether a decoded profile (a partial state file) is consistent in every part, so that
  /// merging it cannot index past an array.
  var isWellFormed: Bool {
    let n = numeric.count
    return columns.count == header.count && rows >= 0
      && columns.allSatisfy { $0.isWellFormed && $0.rows == rows }
      && Set(numeric).isSubset(of: Set(header)) && pairs.count == n * max(n - 1, 0) / 2
      && sample.isWellFormed(width: n) && (timeSeries?.isWellFormed ?? true)
      && groups.allSatisfy(\.isWellFormed) && duplicates.isWellFormed
  }
}
