internal import Foundation

/// Decides a column's kind from all its values and converts them: numbers when every value
/// reads as one (units and thousands separators allowed), then booleans, then dates with one
/// layout for the whole column, then identifiers, categories and text.
enum ColumnInference {
  /// The most distinct values a category column has.
  static let maxCategories = 60

  static func column(named name: String, cells: [TableCell]) -> TableColumn {
    var missing = 0
    var present: [(row: Int, cell: TableCell)] = []
    present.reserveCapacity(cells.count)
    for (row, cell) in cells.enumerated() {
      switch cell {
      case .missing: missing += 1
      case .text(let raw):
        let text = trimmed(raw)
        if MissingMarker.isMissing(text) {
          missing += 1
        } else {
          present.append((row, text.utf8.count == raw.utf8.count ? cell : .text(String(text))))
        }
      default: present.append((row, cell))
      }
    }
    let count = cells.count
    if present.isEmpty {
      return TableColumn(
        name: name, kind: .text, values: .texts(TextValues(Array(repeating: nil, count: count))),
        missingCount: missing)
    }
    if let column = numbers(name, present, count, missing) { return column }
    if let column = booleans(name, present, count, missing) { return column }
    if let column = moments(name, present, count, missing) { return column }
    return texts(name, present, count, missing)
  }

  /// A delimited column, from its bytes (`column` of `rows`): numbers are read without making
  /// strings; the other kinds go through the cell rules. `replaced` is set when bytes were not
  /// UTF-8.
  static func column(
    named name: String, rows: RawRows, column: Int, replaced: inout Bool,
    numericIDs: Bool = false
  ) -> TableColumn {
    let count = rows.count
    let bytes = rows.bytes
    // Numbers first, straight from the spans (most columns are numbers: no array of spans).
    let numbers = bytes.withUnsafeBufferPointer { base in
      rows.withSpans(column: column) { spans in
        rawNumbers(name, base, spans, numericIDs: numericIDs)
      }
    }
    if let numbers { return numbers }
    return bytes.withUnsafeBufferPointer { base in
      rows.withSpans(column: column) { spans in
        let fields = PresentFields(base: base, spans: spans)
        var missing = 0
        for row in 0..<count where fields[row] == nil { missing += 1 }
        if missing == count {
          return TableColumn(
            name: name, kind: .text,
            values: .texts(TextValues(Array(repeating: nil, count: count))),
            missingCount: missing)
        }
        if let column = rawMoments(name, fields, missing) { return column }
        return rawWords(name, fields, missing, replaced: &replaced)
      }
    }
  }

  /// Booleans, categories, text and identifiers from the bytes: each distinct value becomes
  /// one string (a category of 200,000 rows makes a handful), then the rules of ``texts``.
  private static func rawWords(
    _ name: String, _ fields: PresentFields, _ missing: Int, replaced: inout Bool
  ) -> TableColumn {
    let count = fields.count
    var strings: [String] = []
    var firstRows: [Int] = []
    var occurrences: [Int] = []
    var indices = [Int32](repeating: -1, count: count)
    var sawReplacement = false
    do {
      let base = fields.base
      // Each distinct value's first span, found by a cheap hash of its bytes in an
      // open-addressing table (Swift's seeded hashing per cell was a tenth of reading).
      var interned = ByteTable()
      var firstSpans: [Range<Int>] = []
      // Before the table, a direct-mapped cache by a value's length and first eight bytes
      // (which are the whole of most category values): no hash of the bytes, and for short
      // values no comparison either.
      var recent = RecentWords()
      for row in 0..<count {
        guard let span = fields[row] else { continue }
        let length = span.count
        // Eight bytes can be read at the value's start unless the bytes end first.
        let head = span.lowerBound + 8 <= base.count
        var key: UInt64 = 0
        if head, let start = base.baseAddress {
          let word = UnsafeRawPointer(start + span.lowerBound).loadUnaligned(as: UInt64.self)
          key = length >= 8 ? word : word & ((1 << UInt64(8 * length)) &- 1)
          let cached = recent.find(key, length: length)
          if cached >= 0,
            length <= 8
              || sameBytes(
                start + firstSpans[cached].lowerBound + 8, start + span.lowerBound + 8, length - 8)
          {
            indices[row] = Int32(truncatingIfNeeded: cached)
            occurrences[cached] += 1
            continue
          }
        }
        let bytes = UnsafeBufferPointer(rebasing: base[span])
        let known = interned.find(bytes) { index in
          let first = firstSpans[index]
          return first.count == span.count
            && sameBytes(base.baseAddress! + first.lowerBound, bytes.baseAddress!, span.count)
        }
        if let known {
          indices[row] = Int32(truncatingIfNeeded: known)
          occurrences[known] += 1
          if head { recent.remember(key, length: length, index: known) }
          continue
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if !sawReplacement, text.utf8.count != span.count { sawReplacement = true }
        interned.insert(bytes, index: strings.count)
        if head { recent.remember(key, length: length, index: strings.count) }
        indices[row] = Int32(truncatingIfNeeded: strings.count)
        strings.append(text)
        firstRows.append(row)
        firstSpans.append(span)
        occurrences.append(1)
      }
    }
    if sawReplacement { replaced = true }
    let lowered = strings.map { $0.lowercased() }
    if lowered.allSatisfy({ $0 == "true" || $0 == "false" }) {
      return TableColumn(
        name: name, kind: .boolean,
        values: .booleans(indices.map { $0 < 0 ? nil : lowered[Int($0)] == "true" }),
        missingCount: missing)
    }
    let present = count - missing
    var numeric = 0
    var firstWord: (row: Int, text: String)?
    for (i, text) in strings.enumerated() {
      if mayBeNumber(text), NumberText.read(Substring(text)) != nil {
        numeric += occurrences[i]
      } else if firstWord == nil || firstRows[i] < firstWord!.row {
        firstWord = (firstRows[i], text)
      }
    }
    let spaced = strings.contains { $0.utf8.contains(0x20) }
    let unique = strings.count == present && present > 1
    let kind: ColumnKind =
      if unique && (looksLikeIdentifier(name) || (!spaced && present >= 20)) {
        .identifier
      } else if strings.count <= min(maxCategories, max(2, present / 2)) {
        .category
      } else {
        .text
      }
    var column = TableColumn(
      name: name, kind: kind,
      values: .texts(TextValues(codes: indices, labels: strings)),
      missingCount: missing)
    if numeric > 0, let firstWord {
      column.firstNonNumber = NonNumber(row: firstWord.row + 1, text: firstWord.text)
    }
    return column
  }

  /// Whether `count` bytes at `a` and `b` are equal: eight at a time, inline (a category's
  /// values are short, and `memcmp` was a call per cell).
  @inline(__always)
  static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool
  {
    let (x, y) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
    guard count >= 8 else {
      for i in 0..<count where a[i] != b[i] { return false }
      return true
    }
    var i = 0
    while i + 8 <= count {
      if x.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        != y.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      {
        return false
      }
      i += 8
    }
    // The last word, overlapping the one before when the count is not a multiple of eight.
    return i == count
      || x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
  }

  /// Bytes `low..<high` without the spaces and tabs around them, or `nil` when they spell a
  /// missing value.
  @inline(__always)
  static func presentSpan(_ bytes: UnsafeBufferPointer<UInt8>, _ low: Int, _ high: Int)
    -> Range<Int>?
  {
    var low = low
    var high = high
    while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
    while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
    return isMissing(bytes, low, high) ? nil : low..<high
  }

  /// Whether bytes `low..<high` spell a missing value (the caller trimmed them).
  private static func isMissing(_ bytes: UnsafeBufferPointer<UInt8>, _ low: Int, _ high: Int)
    -> Bool
  {
    switch high - low {
    case 0: return true
    case 1: return bytes[low] == UInt8(ascii: "-")
    case 2, 3, 4:
      // Letters first: digits never start a marker, so numbers leave at once.
      let first = bytes[low] | 0x20
      guard first == UInt8(ascii: "n") || first == UInt8(ascii: "-") else { return false }
      return MissingMarker.isMissing(
        Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self))
      )
    default: return false
    }
  }

  /// Dates and times read from the bytes with one layout for the column (chosen from the first
  /// values, as for cells).
  private static func rawMoments(_ name: String, _ fields: PresentFields, _ missing: Int)
    -> TableColumn?
  {
    let base = fields.base
    var candidates = DateText.Layout.allCases
    var seen = 0
    for row in 0..<fields.count where seen < 200 {
      guard let span = fields[row] else { continue }
      seen += 1
      candidates.removeAll { DateText.read(bytes: base[span], layout: $0) == nil }
      if candidates.isEmpty { return nil }
    }
    for layout in candidates {
      var values = [Double?](repeating: nil, count: fields.count)
      var hasTime = false
      var ok = true
      values.withUnsafeMutableBufferPointer { values in
        for row in 0..<fields.count {
          guard let span = fields[row] else { continue }
          guard let reading = DateText.read(bytes: base[span], layout: layout) else {
            ok = false
            break
          }
          values[row] = reading.seconds
          if reading.hasTime { hasTime = true }
        }
      }
      if ok {
        return TableColumn(
          name: name, kind: hasTime ? .datetime : .date, values: .moments(values),
          missingCount: missing, dateLayout: layout.rawValue)
      }
    }
    return nil
  }

  /// A column of numbers from its fields' spans (start and end in `base`, two entries a row);
  /// `nil` when a present value is not a number, or none is present.
  private static func rawNumbers(
    _ name: String, _ base: UnsafeBufferPointer<UInt8>, _ spans: UnsafeBufferPointer<Int32>,
    numericIDs: Bool
  ) -> TableColumn? {
    let count = spans.count / 2
    var values = [Double?](repeating: nil, count: count)
    var whole = true
    var unitCounts = [Int](repeating: 0, count: ValueUnit.allCases.count)
    var present = 0
    var notNumber = false
    // Written through a plain buffer (an array element set per cell checked the array's
    // uniqueness each time).
    values.withUnsafeMutableBufferPointer { values in
      for row in 0..<count {
        guard let span = presentSpan(base, Int(spans[2 * row]), Int(spans[2 * row + 1])) else {
          continue
        }
        present += 1
        let field = base[span]
        if let (value, isWhole) = PlainNumber.read(field) {
          values[row] = value
          if !isWhole { whole = false }
          continue
        }
        let text = String(decoding: field, as: UTF8.self)
        guard let reading = NumberText.read(text[...]) else {
          notNumber = true
          return
        }
        values[row] = reading.value
        if !reading.isWhole || reading.unit == .percent && reading.value != reading.value.rounded()
        {
          whole = false
        }
        if let unit = reading.unit { unitCounts[ValueUnit.allCases.firstIndex(of: unit)!] += 1 }
      }
    }
    guard !notNumber, present > 0 else { return nil }
    let missing = count - present
    let unit = unitCounts.indices.filter { unitCounts[$0] > 0 }
      .max { unitCounts[$0] < unitCounts[$1] }.map { ValueUnit.allCases[$0] }
    if whole, looksLikeIdentifier(name), present > 1, allDistinct(values) {
      if numericIDs {
        return TableColumn(
          name: name, kind: .identifier, values: .numbers(values), missingCount: missing)
      }
      return TableColumn(
        name: name, kind: .identifier,
        values: .texts(TextValues(values.map { $0.map { NumberText.plain($0) } })),
        missingCount: missing)
    }
    return TableColumn(
      name: name, kind: whole ? .integer : .float, values: .numbers(values), unit: unit,
      missingCount: missing)
  }

  /// Whether the present values are all different: at once when they rise (ids usually do),
  /// else by sorting a copy.
  private static func allDistinct(_ values: [Double?]) -> Bool {
    var previous = -Double.infinity
    var rising = true
    for case let value? in values {
      if value <= previous {
        rising = false
        break
      }
      previous = value
    }
    if rising { return true }
    let sorted = values.compactMap { $0 }.sorted()
    for i in sorted.indices.dropFirst() where sorted[i] == sorted[i - 1] { return false }
    return true
  }

  private static func numbers(
    _ name: String, _ present: [(row: Int, cell: TableCell)], _ count: Int, _ missing: Int
  ) -> TableColumn? {
    var values = [Double?](repeating: nil, count: count)
    var whole = true
    var units: [ValueUnit?: Int] = [:]
    for (row, cell) in present {
      switch cell {
      case .number(let value):
        values[row] = value
        if value != value.rounded() { whole = false }
        units[nil, default: 0] += 1
      case .text(let text):
        guard let reading = NumberText.read(Substring(text)) else { return nil }
        values[row] = reading.value
        if !reading.isWhole || reading.unit == .percent && reading.value != reading.value.rounded()
        {
          whole = false
        }
        units[reading.unit, default: 0] += 1
      default: return nil
      }
    }
    let unit = units.filter { $0.key != nil }.max { $0.value < $1.value }?.key ?? nil
    let name = name
    var kind: ColumnKind = whole ? .integer : .float
    if whole, looksLikeIdentifier(name), present.count > 1, allDistinct(values) {
      kind = .identifier
      return TableColumn(
        name: name, kind: kind,
        values: .texts(TextValues(values.map { $0.map { NumberText.plain($0) } })),
        missingCount: missing)
    }
    return TableColumn(
      name: name, kind: kind, values: .numbers(values), unit: unit, missingCount: missing)
  }

  private static func booleans(
    _ name: String, _ present: [(row: Int, cell: TableCell)], _ count: Int, _ missing: Int
  ) -> TableColumn? {
    var values = [Bool?](repeating: nil, count: count)
    for (row, cell) in present {
      switch cell {
      case .boolean(let value): values[row] = value
      case .text(let text):
        switch text.lowercased() {
        case "true": values[row] = true
        case "false": values[row] = false
        default: return nil
        }
      default: return nil
      }
    }
    return TableColumn(name: name, kind: .boolean, values: .booleans(values), missingCount: missing)
  }

  private static func moments(
    _ name: String, _ present: [(row: Int, cell: TableCell)], _ count: Int, _ missing: Int
  ) -> TableColumn? {
    var candidates = DateText.Layout.allCases
    // The layout is chosen from the first text values, then must hold for every value.
    for (_, cell) in present.prefix(200) {
      guard case .text(let text) = cell else { continue }
      candidates.removeAll { DateText.read(Substring(text), layout: $0) == nil }
      if candidates.isEmpty { return nil }
    }
    var values = [Double?](repeating: nil, count: count)
    var hasTime = false
    for layout in candidates.isEmpty ? [DateText.Layout.iso] : candidates {
      var ok = true
      hasTime = false
      for (row, cell) in present {
        switch cell {
        case .moment(let seconds, let time):
          values[row] = seconds
          hasTime = hasTime || time
        case .text(let text):
          guard let reading = DateText.read(Substring(text), layout: layout) else {
            ok = false
            break
          }
          values[row] = reading.seconds
          hasTime = hasTime || reading.hasTime
        default: ok = false
        }
        if !ok { break }
      }
      if ok {
        let fromText = present.contains { if case .text = $0.cell { true } else { false } }
        return TableColumn(
          name: name, kind: hasTime ? .datetime : .date, values: .moments(values),
          missingCount: missing, dateLayout: fromText ? layout.rawValue : nil)
      }
    }
    return nil
  }

  private static func texts(
    _ name: String, _ present: [(row: Int, cell: TableCell)], _ count: Int, _ missing: Int
  ) -> TableColumn {
    var values = [String?](repeating: nil, count: count)
    var distinct = Set<String>()
    var spaced = false
    var numeric = 0
    var firstWord: (row: Int, text: String)?
    for (row, cell) in present {
      let text: String =
        switch cell {
        case .text(let t): t
        case .number(let n): NumberText.plain(n)
        case .boolean(let b): b ? "true" : "false"
        case .moment(let s, let time): CivilDate.text(seconds: s, withTime: time)
        case .missing: ""
        }
      values[row] = text
      if distinct.count <= present.count { distinct.insert(text) }
      if !spaced, text.utf8.contains(0x20) { spaced = true }
      if mayBeNumber(text), NumberText.read(Substring(text)) != nil {
        numeric += 1
      } else if firstWord == nil {
        firstWord = (row, text)
      }
    }
    let unique = distinct.count == present.count && present.count > 1
    let kind: ColumnKind =
      if unique && (looksLikeIdentifier(name) || (!spaced && present.count >= 20)) {
        .identifier
      } else if distinct.count <= min(maxCategories, max(2, present.count / 2)) {
        .category
      } else {
        .text
      }
    var column = TableColumn(
      name: name, kind: kind, values: .texts(TextValues(values)), missingCount: missing)
    if numeric > 0, let firstWord {
      column.firstNonNumber = NonNumber(row: firstWord.row + 1, text: firstWord.text)
    }
    return column
  }

  /// Whether `text` starts as a number can (a digit, sign, point or currency sign): words are
  /// not parsed.
  static func mayBeNumber(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return false }
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."), UInt8(ascii: "$"), 0xC2, 0xE2:
      return true
    default: return false
    }
  }

  /// `id`, `ID`, `user_id`, `userId`, `key`, `uuid`, `code`.
  static func looksLikeIdentifier(_ name: String) -> Bool {
    let lower = name.lowercased()
    if ["id", "key", "uuid", "guid", "code", "index"].contains(lower) { return true }
    if lower.hasSuffix("_id") || lower.hasSuffix(" id") || lower.hasSuffix("-id") { return true }
    return name.hasSuffix("Id") || name.hasSuffix("ID")
  }

  static func trimmed(_ text: String) -> Substring {
    if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80,
      last > 0x20, last < 0x80
    {
      return text[...]
    }
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else {
      return ""
    }
    let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return Substring(scalars[start...end])
  }
}
