internal import Tables

/// Everything one pass learns about one column, batch by batch and shard by shard: the kinds
/// its batches were read as, missing cells, moments, quantiles, distinct and frequent values,
/// text lengths and the first value that breaks the kind.
struct ColumnProfile: Codable, Hashable, Sendable {
  let name: String
  private(set) var rows = 0
  private(set) var missing = 0
  /// Rows read as each kind (batches are inferred on their own).
  private(set) var kindRows: [ColumnKind: Int] = [:]
  /// The first row (counted from 1 after the header) of a batch read as each kind.
  private(set) var kindFirstRow: [ColumnKind: Int] = [:]
  private(set) var moments = Moments()
  private(set) var sketch: QuantileSketch
  private(set) var tally: ValueTally
  /// Distinct values without counts or labels: numbers and dates once the exact store
  /// overflows, and identifiers (top values are shown for categories, not measures or ids).
  private(set) var plainTally: ValueTally
  private(set) var lengths = Moments()
  private(set) var unit: ValueUnit?
  private(set) var dateLayout: String?
  /// The first text among numbers (row counted from 1), as the reader found it.
  private(set) var firstOdd: NonNumberRow?
  /// Whether numbers and dates go into ``tally``: only once the sketch stops holding every
  /// value (until then their distinct count comes from the sorted values, which exact
  /// quantiles sort anyway, and no hash table is probed per value).
  private(set) var talliesNumbers = false

  /// A word in a column of numbers, and where.
  struct NonNumberRow: Codable, Hashable, Sendable {
    var row: Int
    var text: String
  }

  static let trueHash = StableHash.text("true")
  static let falseHash = StableHash.text("false")

  /// Hash of a missing cell in a row's hash.
  static let missingHash: UInt64 = 0x6d15_5e9a_0c37_b4f1

  init(name: String, exactLimit: Int, distinctLimit: Int) {
    self.name = name
    sketch = QuantileSketch(exactLimit: exactLimit)
    tally = ValueTally(limit: distinctLimit)
    plainTally = ValueTally(limit: distinctLimit, labelled: false)
  }

  /// Makes room for the values of `rows` rows, before the first is added.
  mutating func reserve(rows: Int) { sketch.reserve(rows) }

  /// Adds one batch of the column; writes each row's cell hash into `hashes`.
  mutating func add(_ column: TableColumn, firstRow: Int, hashes: inout [UInt64]) {
    let count = column.values.count
    rows += count
    missing += column.missingCount
    kindRows[column.kind, default: 0] += count
    if kindFirstRow[column.kind] == nil { kindFirstRow[column.kind] = firstRow + 1 }
    if unit == nil { unit = column.unit }
    if dateLayout == nil { dateLayout = column.dateLayout }
    if firstOdd == nil, let odd = column.firstNonNumber {
      firstOdd = NonNumberRow(row: firstRow + odd.row, text: odd.text)
    }
    switch column.values {
    case .numbers(let values), .moments(let values):
      // Ids written as numbers are kept as numbers are (their distinct count then comes
      // exactly from the sorted values), without moments: their mean means nothing.
      var present = [Double](repeating: 0, count: count)
      var kept = 0
      present.withUnsafeMutableBufferPointer { present in
        hashes.withUnsafeMutableBufferPointer { hashes in
          values.withUnsafeBufferPointer { values in
            for row in 0..<min(values.count, hashes.count) {
              guard let value = values[row] else {
                hashes[row] = Self.missingHash
                continue
              }
              present[kept] = value
              kept += 1
              hashes[row] = StableHash.number(value)
            }
          }
        }
      }
      present.removeLast(count - kept)
      if !talliesNumbers, sketch.count + present.count > sketch.exactLimit { tallyNumbers() }
      if talliesNumbers {
        for value in present { plainTally.add(StableHash.number(value)) { .number(value) } }
      }
      if column.kind != .identifier { moments.add(present) }
      sketch.add(present)
    case .booleans(let values):
      // Counted, then tallied once per value in the order of their first rows (as row by
      // row would), over plain buffers.
      var present = [Double](repeating: 0, count: count)
      var (kept, trues, falses) = (0, 0, 0)
      var trueFirst = false
      present.withUnsafeMutableBufferPointer { present in
        hashes.withUnsafeMutableBufferPointer { hashes in
          for (row, value) in values.enumerated() where row < hashes.count {
            guard let value else {
              hashes[row] = Self.missingHash
              continue
            }
            present[kept] = value ? 1 : 0
            kept += 1
            hashes[row] = value ? Self.trueHash : Self.falseHash
            if value {
              if trues == 0, falses == 0 { trueFirst = true }
              trues += 1
            } else {
              falses += 1
            }
          }
        }
      }
      present.removeLast(count - kept)
      for value in trueFirst ? [true, false] : [false, true] {
        let n = value ? trues : falses
        guard n > 0 else { continue }
        tally.add(value ? Self.trueHash : Self.falseHash, count: n) {
          .text(value ? "true" : "false")
        }
      }
      moments.add(present)
    case .texts(let values):
      if let (codes, labels) = values.codes {
        addTexts(codes, labels, identifier: column.kind == .identifier, hashes: &hashes)
        return
      }
      var lengthValues: [Double] = []
      lengthValues.reserveCapacity(count)
      for (row, value) in values.enumerated() {
        guard let value else {
          hashes[row] = Self.missingHash
          continue
        }
        let hash = StableHash.text(value)
        hashes[row] = hash
        if column.kind == .identifier {
          plainTally.add(hash) { .text(value) }
        } else {
          tally.add(hash) { .text(value) }
        }
        lengthValues.append(Double(Self.characters(value)))
      }
      lengths.add(lengthValues)
    }
  }

  /// Adds a text column given as codes: each distinct value is hashed, measured and tallied
  /// once with its count (the tally admits values in the order of their first rows, as row by
  /// row would).
  private mutating func addTexts(
    _ codes: [Int32], _ labels: [String], identifier: Bool, hashes: inout [UInt64]
  ) {
    let labelHashes = labels.map(StableHash.text)
    let labelLengths = labels.map { Double(Self.characters($0)) }
    var counts = [Int](repeating: 0, count: labels.count)
    var lengthValues = [Double](repeating: 0, count: codes.count)
    var present = 0
    // Over plain buffers: an array element set per cell checks the array's uniqueness.
    counts.withUnsafeMutableBufferPointer { counts in
      hashes.withUnsafeMutableBufferPointer { hashes in
        lengthValues.withUnsafeMutableBufferPointer { lengthValues in
          labelHashes.withUnsafeBufferPointer { labelHashes in
            labelLengths.withUnsafeBufferPointer { labelLengths in
              for (row, code) in codes.enumerated() where row < hashes.count {
                guard code >= 0, Int(code) < counts.count else {
                  hashes[row] = Self.missingHash
                  continue
                }
                let label = Int(code)
                hashes[row] = labelHashes[label]
                counts[label] += 1
                lengthValues[present] = labelLengths[label]
                present += 1
              }
            }
          }
        }
      }
    }
    lengthValues.removeLast(codes.count - present)
    for (i, label) in labels.enumerated() where counts[i] > 0 {
      if identifier {
        plainTally.add(labelHashes[i], count: counts[i]) { .text(label) }
      } else {
        tally.add(labelHashes[i], count: counts[i]) { .text(label) }
      }
    }
    lengths.add(lengthValues)
  }

  /// Characters as Unicode scalars: the UTF-8 bytes that do not continue one.
  private static func characters(_ text: String) -> Int {
    var scalars = 0
    for byte in text.utf8 where byte & 0xC0 != 0x80 { scalars += 1 }
    return scalars
  }

  /// Sorts the exact values in place, before the statistics read them.
  mutating func sortValues() { sketch.sortInPlace() }

  /// Lets go of the kept values and the tallies (once the statistics are made from them).
  mutating func releaseValues() {
    sketch = QuantileSketch(exactLimit: sketch.exactLimit)
    tally = ValueTally(limit: tally.limit)
    plainTally = ValueTally(limit: plainTally.limit, labelled: false)
  }

  /// Counts `count` rows without a value (a column that appeared after them).
  mutating func addMissing(_ count: Int) {
    rows += count
    missing += count
  }

  /// Starts counting numbers in ``tally``, with every value held so far.
  private mutating func tallyNumbers() {
    guard !talliesNumbers else { return }
    talliesNumbers = true
    for value in sketch.exactValues ?? [] {
      plainTally.add(StableHash.number(value)) { .number(value) }
    }
  }

  /// The distinct values (and whether the count is exact): the tally's, plus the numbers
  /// held by the sketch when they were not tallied.
  func distinct(sorted: SortedValues?) -> (count: Int, exact: Bool) {
    var unique = 0
    if !talliesNumbers, let sorted { unique = sorted.distinctCount }
    let count = min(tally.distinct + plainTally.distinct + unique, rows - missing)
    return (count, tally.isExact && plainTally.isExact)
  }

  mutating func merge(_ other: ColumnProfile) {
    var other = other
    if talliesNumbers || other.talliesNumbers
      || sketch.count + other.sketch.count > sketch.exactLimit
    {
      tallyNumbers()
      other.tallyNumbers()
    }
    rows += other.rows
    missing += other.missing
    for (kind, n) in other.kindRows { kindRows[kind, default: 0] += n }
    for (kind, row) in other.kindFirstRow where kindFirstRow[kind] == nil {
      kindFirstRow[kind] = row
    }
    moments.merge(other.moments)
    sketch.merge(other.sketch)
    tally.merge(other.tally)
    plainTally.merge(other.plainTally)
    lengths.merge(other.lengths)
    unit = unit ?? other.unit
    dateLayout = dateLayout ?? other.dateLayout
    if firstOdd == nil { firstOdd = other.firstOdd }
  }

  /// Shifts the rows this profile counts from (a later shard's rows follow the earlier ones).
  mutating func offsetRows(by offset: Int) {
    for key in kindFirstRow.keys { kindFirstRow[key]! += offset }
    firstOdd?.row += offset
  }
}

extension ColumnProfile {
  /// Whether a decoded profile is consistent (a partial state file is input like any other).
  var isWellFormed: Bool {
    rows >= 0 && missing >= 0 && missing <= rows && sketch.isWellFormed && tally.isWellFormed
      && plainTally.isWellFormed && tally.labelled && !plainTally.labelled
  }
}
