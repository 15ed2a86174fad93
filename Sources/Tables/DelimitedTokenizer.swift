internal import CDelimitedScan
internal import Foundation
internal import LumenCore

/// Splits delimited text into records and fields straight from the file's bytes, a chunk at a
/// time: RFC 4180 quoting (a quote inside a quoted field written twice), CRLF, LF or CR line
/// ends, a UTF-8 byte order mark.
///
/// Lumen's own because CSV.swift, decoding one Unicode scalar at a time, read the 200,000-row
/// comparison table in ~0.5 s of CPU against 0.05–0.1 s for pandas' `read_csv` (and reports a
/// spurious read error at the end of a file stream on Linux); see the benchmark note.
struct DelimitedTokenizer: ~Copyable {
  /// The file, or -1 for bytes in memory.
  private let descriptor: Int32
  private let delimiter: UInt8
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var atEOF = false
  private var started = false
  private var scratch: [UInt8] = []
  /// The largest record accepted (a quote that never closes would otherwise read the file).
  private let maxRecordBytes: Int
  /// The most fields a record read in one pass has room for (8 bytes of spans each).
  static let maxSimpleFields = 1 << 20
  /// Bytes of the source moved out of the buffer before `start`.
  private var shifted = 0
  /// The source's size in bytes (0 when the file system does not say).
  let totalBytes: Int
  /// Bytes of the source read past so far (up to the next record).
  var consumedBytes: Int { shifted + start }

  init(path: String, delimiter: UInt8, maxRecordBytes: Int = 64 << 20) throws(TableError) {
    let opened = open(path, O_RDONLY | O_CLOEXEC)
    guard opened >= 0 else {
      throw .unreadable("cannot open \(path): \(String(cString: strerror(errno)))")
    }
    descriptor = opened
    self.delimiter = delimiter
    self.maxRecordBytes = maxRecordBytes
    var status = stat()
    totalBytes = fstat(opened, &status) == 0 ? Int(status.st_size) : 0
    // 1 MB, or the file and a byte when it is smaller (a zeroed megabyte was 256 page faults
    // for a 74 KB table); not zeroed, as only bytes read are looked at.
    let size = totalBytes > 0 ? min(1 << 20, max(4_096, totalBytes + 1)) : 1 << 20
    buffer = [UInt8](unsafeUninitializedCapacity: size) { _, count in count = size }
  }

  /// Splits bytes already in memory.
  init(bytes: [UInt8], delimiter: UInt8) {
    descriptor = -1
    self.delimiter = delimiter
    maxRecordBytes = max(bytes.count, 1)
    buffer = bytes
    end = bytes.count
    totalBytes = bytes.count
    atEOF = true
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// The separator of the text whose first bytes are `head` (`,` `;` tab `|`, sniffed from
  /// its first 16 KB).
  static func delimiter(sniffing head: Data) -> UInt8 {
    UInt8(CSVDelimiter.sniff(String(decoding: head.prefix(16 << 10), as: UTF8.self)).value)
  }

  /// The first record as text (names as written, not trimmed), and whether bytes that are not
  /// UTF-8 were replaced; `nil` for empty data.
  mutating func nextHeader() throws(TableError) -> (names: [String], replaced: Bool)? {
    var names: [String] = []
    var replaced = false
    let found = try nextRecord(
      begin: { names.removeAll(keepingCapacity: true) },
      field: { _, bytes in
        let name = String(decoding: bytes, as: UTF8.self)
        if name.utf8.count != bytes.count { replaced = true }
        names.append(name)
      })
    return found ? (names, replaced) : nil
  }

  /// Moves the unread bytes to the front and reads more after them.
  private mutating func fill() throws(TableError) {
    guard descriptor >= 0 else {
      atEOF = true
      return
    }
    if start > 0 {
      let remaining = end - start
      if remaining > 0 {
        buffer.withUnsafeMutableBufferPointer { b in
          _ = memmove(b.baseAddress!, b.baseAddress! + start, remaining)
        }
      }
      end = remaining
      shifted += start
      start = 0
    }
    if end == buffer.count {
      guard buffer.count < maxRecordBytes else {
        throw .limitExceeded(
          "a record is longer than \(maxRecordBytes >> 20) MB (a quote that never closes?)")
      }
      buffer += [UInt8](repeating: 0, count: buffer.count)
    }
    let count = buffer.withUnsafeMutableBufferPointer { b in
      read(descriptor, b.baseAddress! + end, b.count - end)
    }
    guard count >= 0 else {
      throw .unreadable("read failed: \(String(cString: strerror(errno)))")
    }
    if count == 0 { atEOF = true }
    end += count
  }

  /// Reads one record, calling `field` with each field's index and bytes (quotes removed; a
  /// blank line calls it for none); `false` at the end of the file. A record cut by the end of the buffer is read again
  /// after more bytes arrive, so `field` may see a record's first fields twice: callers start
  /// a record on `begin` and keep only the last.
  mutating func nextRecord(
    begin: () -> Void, field: (Int, UnsafeBufferPointer<UInt8>) throws(TableError) -> Void
  ) throws(TableError) -> Bool {
    if !started {
      started = true
      try fill()
      if end - start >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
    }
    while true {
      guard try hasBytes() else { return false }
      begin()
      switch try parse(field) {
      case .some(let next):
        start = next
        return true
      case .none:
        if atEOF {
          // The last record without a line end: parse with the end of data as its end.
          begin()
          start = try parse(field, final: true) ?? end
          return true
        }
        try fill()
      }
    }
  }

  /// Whether bytes are left at the cursor, reading more when the buffer is used up.
  private mutating func hasBytes() throws(TableError) -> Bool {
    while start >= end {
      if atEOF { return false }
      try fill()
    }
    return true
  }

  /// What ``nextPlainRecord(width:row:label:)`` or ``nextSimpleRecord(spans:_:)`` found.
  enum PlainRecord {
    /// A record of the kind asked for, read.
    case read
    /// Anything else: the cursor did not move; read the record with ``nextRecord(begin:field:)``.
    case other
    /// The end of the data.
    case end
  }

  /// A record read in one pass when each field is unquoted or quoted without a doubled quote
  /// (then its bytes are those inside the quotes) and it ends with a line end: `body` gets the
  /// record's bytes and each field's start and end relative to them (two per field, `spans`
  /// grows as needed) with the field count, before the cursor moves past it. Blank lines,
  /// doubled quotes and a last record without a line end give ``PlainRecord/other``.
  mutating func nextSimpleRecord(
    spans: inout [Int32],
    _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int32>, Int) throws(TableError) ->
      Void
  ) throws(TableError) -> PlainRecord {
    guard started else { return .other }
    return try nextRecord { (tokenizer, b) throws(TableError) -> Int?? in
      guard let found = tokenizer.simpleRecord(b, spans: &spans) else { return nil }
      guard let record = found else { return .some(nil) }
      try spans.withUnsafeBufferPointer { (fieldSpans) throws(TableError) in
        try body(
          UnsafeBufferPointer(rebasing: b[tokenizer.start..<record.end]), fieldSpans,
          record.fields)
      }
      return record.next
    }
  }

  /// One record read in one pass by `parse`, which gives the index after it, `.some(nil)` for
  /// a record of another kind (the cursor stays), or `nil` when the buffer ends first: then
  /// more is read, or at the end of the data the record is left to ``nextRecord(begin:field:)``.
  @inline(__always)
  private mutating func nextRecord(
    parsedBy parse: (borrowing DelimitedTokenizer, UnsafeBufferPointer<UInt8>) throws(TableError)
      -> Int??
  ) throws(TableError) -> PlainRecord {
    while true {
      guard try hasBytes() else { return .end }
      let found = try buffer.withUnsafeBufferPointer { (b) throws(TableError) in
        try parse(self, b)
      }
      switch found {
      case .some(let next?):
        start = next
        return .read
      case .some(nil):
        return .other
      case nil:
        if atEOF { return .other }
        try fill()
      }
    }
  }

  /// The record at `start` when it is simple: where its bytes end (before the line end), the
  /// index after it, and its field count; `.some(nil)` when it is not simple, `nil` when the
  /// buffer ends first.
  private func simpleRecord(_ b: UnsafeBufferPointer<UInt8>, spans: inout [Int32]) -> (
    end: Int, next: Int, fields: Int
  )?? {
    // The spans are written through a plain buffer (an array element set per field checked
    // the array's uniqueness each time); a record with more fields than room grows it and is
    // read again.
    while true {
      var needsRoom = false
      let found = spans.withUnsafeMutableBufferPointer { spans in
        simpleRecord(b, spans: spans, needsRoom: &needsRoom)
      }
      if !needsRoom { return found }
      // Past a million fields the record goes field by field (no span per field is kept:
      // the fields past the header are dropped anyway).
      guard spans.count < Self.maxSimpleFields * 2 else { return .some(nil) }
      spans.append(contentsOf: repeatElement(0, count: max(16, spans.count)))
    }
  }

  /// One simple record at `start` by `cdelimited_simple_record` (sixteen bytes at a time).
  @inline(__always)
  private func simpleRecord(
    _ b: UnsafeBufferPointer<UInt8>, spans: UnsafeMutableBufferPointer<Int32>,
    needsRoom: inout Bool
  ) -> (end: Int, next: Int, fields: Int)?? {
    guard let room = spans.baseAddress, let bytes = b.baseAddress else {
      needsRoom = spans.isEmpty
      return .some(nil)
    }
    var fields = 0
    var recordEnd = 0
    var next = 0
    let status = cdelimited_simple_record(
      bytes, start, end, delimiter, room, spans.count / 2, &fields,
      &recordEnd, &next)
    switch Int(status) {
    case Int(CDELIMITED_RECORD): return .some((recordEnd, next, fields))
    case Int(CDELIMITED_MORE): return nil
    case Int(CDELIMITED_NEEDS_ROOM):
      needsRoom = true
      return .some(nil)
    default: return .some(nil)
    }
  }

  /// For a matrix of numbers, a record read in one pass over its bytes when it is the common
  /// kind: an unquoted label, then exactly `width` fields each empty (NaN in `row`) or a plain
  /// number as ``PlainNumber`` reads it (an optional `-`, at most 15 digits, at most one
  /// point), then a line end. The label's bytes go to `label`.
  mutating func nextPlainRecord(
    width: Int, row: UnsafeMutablePointer<Double>, label: inout [UInt8]
  ) throws(TableError) -> PlainRecord {
    try nextRecord { tokenizer, b in
      tokenizer.plainRecord(b, width: width, row: row, label: &label)
    }
  }

  /// The index after a plain record at `start`; `.some(nil)` when the record is not plain,
  /// `nil` when the buffer ends first.
  private func plainRecord(
    _ b: UnsafeBufferPointer<UInt8>, width: Int, row: UnsafeMutablePointer<Double>,
    label: inout [UInt8]
  ) -> Int?? {
    let delimiter = self.delimiter
    let base = b.baseAddress!
    var i = start
    let end = self.end
    // The label: unquoted, up to the first delimiter.
    while i < end, base[i] != delimiter, base[i] != 0x0A, base[i] != 0x0D {
      if base[i] == UInt8(ascii: "\"") { return .some(nil) }
      i += 1
    }
    guard i < end else { return nil }
    guard base[i] == delimiter, i > start else { return .some(nil) }
    label.removeAll(keepingCapacity: true)
    label.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start))
    for c in 0..<width {
      i += 1  // past the delimiter
      let first = i
      var negative = false
      if i < end, base[i] == UInt8(ascii: "-") {
        negative = true
        i += 1
      }
      let (mantissa, digits, point, scanned) = PlainNumber.scanDigits(base + i, base + end)
      i = scanned - base
      guard i < end else { return nil }
      let stop = base[i]
      let isLast = c == width - 1
      guard isLast ? (stop == 0x0A || stop == 0x0D) : stop == delimiter else { return .some(nil) }
      if i == first {
        row[c] = .nan
      } else {
        guard digits > 0, digits <= 15 else { return .some(nil) }
        row[c] = PlainNumber.short(mantissa, digits: digits, point: point, negative: negative)
      }
    }
    // The line end: LF or CRLF.
    if base[i] == 0x0A { return i + 1 }
    guard i + 1 < end else { return nil }
    return base[i + 1] == 0x0A ? .some(i + 2) : .some(nil)
  }

  /// Parses the record at `start`; the index after it, or nil when the buffer ends first.
  private mutating func parse(
    _ field: (Int, UnsafeBufferPointer<UInt8>) throws(TableError) -> Void, final: Bool = false
  ) throws(TableError) -> Int? {
    let quote = UInt8(ascii: "\"")
    let delimiter = self.delimiter
    return try buffer.withUnsafeBufferPointer { (b) throws(TableError) -> Int? in
      var i = start
      var index = 0
      // A blank line is a record without fields.
      if i < end, b[i] == 0x0A { return i + 1 }
      if i < end, b[i] == 0x0D {
        if i + 1 >= end { return final ? end : nil }
        return b[i + 1] == 0x0A ? i + 2 : i + 1
      }
      while true {
        if i < end, b[i] == quote {
          // Quoted field.
          var j = i + 1
          var escaped = false
          while true {
            guard j < end else {
              if final {
                throw TableError.malformed(
                  "a quoted field does not close before the end of the file")
              }
              return nil
            }
            if b[j] == quote {
              if j + 1 < end, b[j + 1] == quote {
                escaped = true
                j += 2
                continue
              }
              if j + 1 >= end, !final { return nil }
              break
            }
            j += 1
          }
          if escaped {
            scratch.removeAll(keepingCapacity: true)
            var k = i + 1
            while k < j {
              scratch.append(b[k])
              k += b[k] == quote ? 2 : 1
            }
            try scratch.withUnsafeBufferPointer { (s) throws(TableError) in try field(index, s) }
          } else {
            try field(index, UnsafeBufferPointer(rebasing: b[(i + 1)..<j]))
          }
          i = j + 1
          // Anything between the closing quote and the delimiter is ignored.
          while i < end, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
        } else {
          var j = i
          while j < end, b[j] != delimiter, b[j] != 0x0A, b[j] != 0x0D { j += 1 }
          if j == end, !final { return nil }
          try field(index, UnsafeBufferPointer(rebasing: b[i..<j]))
          i = j
        }
        if i >= end { return final ? end : nil }
        if b[i] == delimiter {
          i += 1
          index += 1
          if i == end {
            if final {
              try field(index, UnsafeBufferPointer(rebasing: b[i..<i]))
              return end
            }
            return nil
          }
          continue
        }
        // A line end: CRLF counts as one.
        if b[i] == 0x0D {
          if i + 1 >= end, !final { return nil }
          if i + 1 < end, b[i + 1] == 0x0A { return i + 2 }
        }
        return i + 1
      }
    }
  }
}
