import Foundation
import LumenCore
import Tables
import TestSupport
import Testing

@Suite("Table reader: delimited text")
struct DelimitedTextTests {
  func read(_ text: String, columns: [String]? = nil) throws -> Table {
    let dir = TemporaryDirectory()
    return try TableReader.read(path: dir.write(Array(text.utf8), to: "t.csv"), columns: columns)
  }

  @Test("Quotes: separators, doubled quotes and line ends inside a field")
  func quoting() throws {
    let table = try read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",3\n")
    #expect(table.rowCount == 2)
    #expect(table.column("a")?.values.text(at: 0) == "x, y")
    #expect(table.column("b")?.values.text(at: 0) == "say \"hi\"")
    #expect(table.column("a")?.values.text(at: 1) == "two\nlines")
  }

  @Test("CRLF, CR, a last line without a line end, blank lines, short rows")
  func lineEnds() throws {
    let table = try read("a,b\r\n1,2\r\n\r\n3,4\r5")
    #expect(table.rowCount == 3)
    #expect(table.column("a")?.numbers! == [1, 3, 5])
    #expect(table.column("b")?.numbers! == [2, 4, nil])
    #expect(table.warnings.contains { $0.contains("fewer fields") })
  }

  @Test("A trailing separator is an empty last field")
  func trailingSeparator() throws {
    let table = try read("a,b\n1,\n2,")
    #expect(table.column("b")?.missingCount == 2)
  }

  /// A data row far wider than the header (1.2 million fields, past the one-pass reader's
  /// room) is read field by field: its header's fields are kept, the rest dropped.
  @Test("A row of a million extra fields is read, its extra fields dropped")
  func millionFieldRow() throws {
    let extra = String(repeating: ",", count: 1_200_000)
    let table = try read("a,b\n1,2\n3,4\(extra)\n5,6\n")
    #expect(table.rowCount == 3)
    #expect(table.column("a")?.numbers! == [1, 3, 5])
    #expect(table.column("b")?.numbers! == [2, 4, 6])
  }

  @Test("Records across the read buffer's edge (a 3 MB file) are read whole")
  func bufferEdges() throws {
    var text = "id,word,value\n"
    var expected: [Double] = []
    for i in 0..<120_000 {
      let value = Double(i % 977) / 4
      expected.append(value)
      text += "\(i),\"w\(i), \"\"q\"\"\",\(value)\n"
    }
    #expect(text.utf8.count > 3 << 20)
    let table = try read(text, columns: ["value", "word"])
    #expect(table.rowCount == 120_000)
    #expect(table.column("value")?.numbers!.map { $0! } == expected)
    #expect(table.column("word")?.values.text(at: 119_999) == "w119999, \"q\"")
  }

  @Test(
    "Records read whole and records read field by field give the same cells, across buffer edges",
    arguments: [nil, ["value", "word", "id"]])
  func mixedRecords(columns: [String]?) throws {
    // Every fifth record has a doubled quote, every seventh a blank line before it, every
    // eleventh text after a closing quote, every thirteenth a short row; CRLF in between.
    var text = "id,word,value,extra\n"
    var words: [String?] = []
    var values: [Double?] = []
    for i in 0..<100_000 {
      if i % 7 == 3 { text += "\n" }
      let value = Double(i % 991) / 8
      let word: String
      if i % 5 == 0 {
        word = "say \"w\(i)\""
        text += "\(i),\"say \"\"w\(i)\"\"\",\(value),x"
      } else if i % 11 == 0 {
        word = "q\(i)"
        text += "\(i),\"q\(i)\"junk,\(value),x"
      } else {
        word = "w\(i)"
        text += "\(i),w\(i),\(value),\"x, y\""
      }
      if i % 13 == 0 {
        text += "\n\(i + 1_000_000),short"
        words += [word, "short"]
        values += [value, nil]
      } else {
        words.append(word)
        values.append(value)
      }
      text += i % 2 == 0 ? "\r\n" : "\n"
    }
    text += "7,last,1.5,x"
    words.append("last")
    values.append(1.5)
    #expect(text.utf8.count > 2 << 20)
    let table = try read(text, columns: columns)
    #expect(table.rowCount == words.count)
    #expect(table.column("value")?.numbers! == values)
    let word = try #require(table.column("word"))
    #expect((0..<table.rowCount).map { word.values.text(at: $0) } == words)
    #expect(table.warnings.contains { $0.contains("fewer fields") })
  }

  @Test("A quote that never closes is an error, not a hang")
  func unclosedQuote() throws {
    #expect(throws: TableError.self) { try read("a,b\n1,\"never\n2,3\n") }
  }

  @Test("Bytes that are not UTF-8 are replaced, with a warning")
  func notUTF8() throws {
    let dir = TemporaryDirectory()
    let path = dir.write(Array("name,n\nCaf".utf8) + [0xE9] + Array(",1\n".utf8), to: "l.csv")
    let table = try TableReader.read(path: path)
    #expect(table.column("name")?.values.text(at: 0) == "Caf\u{FFFD}")
    #expect(table.warnings.contains { $0.contains("not valid UTF-8") })
  }
}

@Suite("Table reader: numbers read from bytes equal Double(String)")
struct NumberReadingTests {
  @Test("20,000 decimals of every shape, bit for bit")
  func sameAsStandardLibrary() throws {
    var random = SplitMix64(seed: 2024)
    var texts: [String] = []
    for _ in 0..<20_000 {
      let digits = Int(random.next() % 22) + 1
      var text = random.next() % 4 == 0 ? "-" : ""
      for i in 0..<digits {
        text += String(random.next() % 10)
        if i == Int(random.next() % UInt64(digits)), !text.contains(".") { text += "." }
      }
      if random.next() % 5 == 0 { text += "e\(Int(random.next() % 60) - 30)" }
      texts.append(text)
    }
    // Edges of the short path: a bare point at either end, signs, leading zeros, 15 and 16
    // digits.
    texts += [
      "12.", ".5", "-.5", "-0", "007", "0.050", "123456789012345", "1234567890123456",
      "-12345678901234.5", "0.00000000000001", "99999999999999.9",
    ]
    let dir = TemporaryDirectory()
    let path = dir.write(Array((["v"] + texts).joined(separator: "\n").utf8), to: "n.csv")
    let column = try #require(try TableReader.read(path: path).column("v"))
    let read = try #require(column.numbers)
    for (text, value) in zip(texts, read) {
      #expect(value?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }
}
