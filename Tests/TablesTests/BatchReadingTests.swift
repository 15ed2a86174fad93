import CDelimitedScan
import Foundation
import LumenCore
import TestSupport
import Testing

@testable import Tables

@Suite("Tables: batched reading")
struct BatchReadingTests {
  @Test("Batches cover every row once, in order, with their first row")
  func batchesCoverTheRows() throws {
    let folder = TemporaryDirectory()
    var csv = "n,word\n"
    for i in 0..<10 { csv += "\(i),w\(i % 3)\n" }
    let path = folder.write(Array(csv.utf8), to: "t.csv")
    var firsts: [Int] = []
    var numbers: [Double] = []
    let summary = try TableReader.readBatches(path: path, batchRows: 3) { table in
      firsts.append(table.firstRow)
      numbers += table.column("n")?.numbers?.compactMap { $0 } ?? []
    }
    #expect(firsts == [0, 3, 6, 9])
    #expect(numbers == (0..<10).map(Double.init))
    #expect(summary.rowCount == 10 && summary.header == ["n", "word"])
  }

  /// Words that share their first eight bytes, differ only past them, or are shorter than
  /// eight, mixed at random and ending the file (where eight bytes cannot be read at their
  /// start): each row reads back as written, with one label per distinct word.
  @Test("Words alike in their first eight bytes keep apart, to the last byte of the file")
  func wordsAlikeInTheirFirstBytes() throws {
    let words = [
      "Alpine Kettle", "Alpine Kettles", "Alpine K", "Alpine", "Alpine Ke", "Alpine Kettlf",
      "alpine kettle", "A", "B", "Alpine K\u{e9}", "Alpine K\u{e8}", "Kettle Alpine",
    ]
    var generator = SplitMix64(seed: 9)
    let rows = (0..<3_000).map { _ in words[Int(generator.next() % UInt64(words.count))] }
    for ending in ["\n", ""] {
      let folder = TemporaryDirectory()
      let csv = "word\n" + rows.joined(separator: "\n") + ending
      let path = folder.write(Array(csv.utf8), to: "w.csv")
      var read: [String?] = []
      var labels = 0
      _ = try TableReader.readBatches(path: path, batchRows: 1_024) { table in
        guard case .texts(let texts) = table.columns[0].values else { return }
        read += Array(texts)
        labels = max(labels, texts.codes?.labels.count ?? 0)
      }
      #expect(read == rows)
      #expect(labels == words.count)
    }
  }

  /// A batch says how far through the file it ends: its share of the bytes, from which the
  /// analysis sizes its tables after the first batch.
  @Test("Each batch of a delimited file states the share of the file read")
  func batchesStateTheShareRead() throws {
    let folder = TemporaryDirectory()
    var csv = "n,word\n"
    for i in 0..<1_000 { csv += "\(i),w\(i % 7)\n" }
    let path = folder.write(Array(csv.utf8), to: "t.csv")
    var shares: [Double] = []
    var ends: [Int] = []
    _ = try TableReader.readBatches(path: path, batchRows: 300) { table in
      shares.append(table.sourceShare ?? -1)
      ends.append(table.firstRow + table.rowCount)
    }
    #expect(ends == [300, 600, 900, 1_000])
    // Each share within a row of the bytes up to that batch's last row.
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
    for (share, end) in zip(shares, ends) {
      let bytes = lines[0...end].reduce(0) { $0 + $1.utf8.count + 1 }
      let row = Double(lines[end].utf8.count + 1) / Double(csv.utf8.count)
      #expect(abs(share - Double(bytes) / Double(csv.utf8.count)) <= row + 1e-9, "\(share)")
    }
    #expect(shares.last! > 0.99)
  }

  @Test("JSON Lines with keys that appear late are batched too")
  func jsonLinesBatches() throws {
    let folder = TemporaryDirectory()
    let lines = (0..<7).map { i in i < 5 ? "{\"a\": \(i)}" : "{\"a\": \(i), \"b\": \"x\"}" }
    let path = folder.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: "t.jsonl")
    var counts: [Int] = []
    var bValues: [String?] = []
    _ = try TableReader.readBatches(path: path, batchRows: 4) { table in
      counts.append(table.rowCount)
      if case .texts(let v)? = table.column("b")?.values {
        bValues += v
      } else {
        bValues += Array(repeating: nil, count: table.rowCount)
      }
    }
    #expect(counts == [4, 3])
    #expect(bValues == [nil, nil, nil, nil, nil, "x", "x"])
  }

  @Test("A file read whole (a JSON array) has its own size limit")
  func wholeFileLimit() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(Array("[{\"a\": 1}, {\"a\": 2}]".utf8), to: "t.json")
    var limits = TableReader.Limits()
    limits.maxWholeFileBytes = 10
    #expect {
      _ = try TableReader.read(path: path, limits: limits)
    } throws: { error in
      (error as? TableError)?.category == .limitExceeded && "\(error)".contains("read whole")
    }
  }

  /// The scanner's records against the rules written as a byte loop, on random text of
  /// delimiters, line ends, quotes and bytes past ASCII, long enough to cross its 64-byte
  /// stretches, from every start, with room for few fields and for many.
  @Test("The sixteen-byte record scan reads every record as the byte loop does")
  func recordScan() {
    var generator = SplitMix64(seed: 31)
    let alphabet: [UInt8] = Array("ab,,,\n\r;\"0 ".utf8) + [0x80, 0xFF, 0x2B, 0x0B]
    for round in 0..<3_000 {
      let length = Int(generator.next() % (round % 3 == 0 ? 300 : 40))
      let bytes = (0..<length).map { _ in
        generator.next() % 4 == 0
          ? alphabet[Int(generator.next() % UInt64(alphabet.count))] : UInt8(ascii: "x")
      }
      let room = round % 2 == 0 ? 4 : 64
      for start in 0..<max(length, 1) {
        var spans = [Int32](repeating: -1, count: 2 * room)
        var (fields, end, next) = (0, 0, 0)
        let status = bytes.withUnsafeBufferPointer { b in
          cdelimited_simple_record(
            b.baseAddress ?? UnsafePointer(bitPattern: 1)!, start, length, UInt8(ascii: ","),
            &spans, room, &fields, &end, &next)
        }
        let expected = Self.simpleRecord(bytes, start: start, room: room)
        #expect(Int(status) == expected.status, "round \(round), start \(start)")
        if Int(status) == Int(CDELIMITED_RECORD), expected.status == Int(CDELIMITED_RECORD) {
          #expect(Array(spans.prefix(2 * fields)) == expected.spans)
          #expect(end == expected.end && next == expected.next)
        }
      }
    }
  }

  /// The simple-record rules, a byte at a time.
  static func simpleRecord(_ b: [UInt8], start: Int, room: Int) -> (
    status: Int, spans: [Int32], end: Int, next: Int
  ) {
    let (quote, comma, lf, cr) = (UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(0x0A), UInt8(0x0D))
    let more = Int(CDELIMITED_MORE)
    func isStop(_ c: UInt8) -> Bool { c == comma || c == lf || c == cr }
    var i = start
    var spans: [Int32] = []
    guard i < b.count else { return (more, [], 0, 0) }
    if b[i] == lf || b[i] == cr { return (Int(CDELIMITED_OTHER), [], 0, 0) }
    while true {
      let low: Int
      let high: Int
      if i < b.count, b[i] == quote {
        var j = i + 1
        while j < b.count, b[j] != quote { j += 1 }
        if j + 1 >= b.count { return (more, [], 0, 0) }
        if b[j + 1] == quote { return (Int(CDELIMITED_OTHER), [], 0, 0) }
        (low, high) = (i + 1, j)
        i = j + 1
        while i < b.count, !isStop(b[i]) { i += 1 }
      } else {
        low = i
        while i < b.count, !isStop(b[i]) { i += 1 }
        high = i
      }
      if i >= b.count { return (more, [], 0, 0) }
      if spans.count == 2 * room { return (Int(CDELIMITED_NEEDS_ROOM), [], 0, 0) }
      spans += [Int32(low - start), Int32(high - start)]
      if b[i] == comma {
        i += 1
        if i >= b.count { return (more, [], 0, 0) }
        continue
      }
      if b[i] == cr {
        if i + 1 >= b.count { return (more, [], 0, 0) }
        return (Int(CDELIMITED_RECORD), spans, i, b[i + 1] == lf ? i + 2 : i + 1)
      }
      return (Int(CDELIMITED_RECORD), spans, i, i + 1)
    }
  }

  @Test("Raw rows keep every field through the growth of their room, narrow and wide")
  func rawRowsGrow() {
    for width in [1, 3, 3000] {
      var rows = RawRows(width: width)
      let count = width == 3000 ? 700 : 5000
      for round in 0..<2 {
        for row in 0..<count {
          rows.beginRow()
          for column in stride(from: row % 2, to: width, by: 2) {
            Array("\(row):\(column)".utf8).withUnsafeBufferPointer { rows.setField(column, $0) }
          }
          rows.endRow()
        }
        #expect(rows.count == count)
        for column in [0, width / 2, width - 1] {
          var texts: [String] = []
          rows.withSpans(column: column) { spans in
            for row in 0..<(spans.count / 2) {
              let (low, high) = (Int(spans[2 * row]), Int(spans[2 * row + 1]))
              texts.append(String(decoding: rows.bytes[low..<high], as: UTF8.self))
            }
          }
          #expect(texts == (0..<count).map { (column - $0) % 2 == 0 ? "\($0):\(column)" : "" })
        }
        if round == 0 { rows.removeAll() }
      }
    }
  }

  @Test("Equal bytes are found as memcmp finds them, whatever the length and the difference")
  func sameBytesAgreesWithMemcmp() {
    var generator = SplitMix64(seed: 3)
    let bytes = (0..<64).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    bytes.withUnsafeBufferPointer { a in
      for count in 0...40 {
        #expect(ColumnInference.sameBytes(a.baseAddress!, a.baseAddress!, count))
        for at in 0..<count {
          var other = Array(a[0..<count])
          other[at] ^= 0x20
          other.withUnsafeBufferPointer { b in
            let ours = ColumnInference.sameBytes(a.baseAddress!, b.baseAddress!, count)
            #expect(ours == (memcmp(a.baseAddress!, b.baseAddress!, count) == 0))
            #expect(!ours, "\(count) bytes differing at \(at)")
          }
        }
      }
    }
  }

  @Test("Byte hashes stay what partial states hold: equal to the byte-by-byte definition")
  func byteHashUnchanged() {
    // The definition the states were written with: words of eight, then the tail byte by byte.
    func reference(_ bytes: [UInt8]) -> UInt64 {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
      var i = 0
      while i + 8 <= bytes.count {
        var word: UInt64 = 0
        for k in 0..<8 { word |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
        h = (h ^ word) &* 0x9e37_79b9_7f4a_7c15
        h ^= h >> 29
        i += 8
      }
      var tail: UInt64 = 0
      for k in 0..<(bytes.count - i) { tail |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
      h = (h ^ tail) &* 0xff51_afd7_ed55_8ccd
      return h ^ (h >> 32)
    }
    var generator = SplitMix64(seed: 77)
    for length in 0..<41 {
      for _ in 0..<20 {
        let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(bytes.withUnsafeBufferPointer { ByteHash.of($0) } == reference(bytes))
      }
    }
  }
}
