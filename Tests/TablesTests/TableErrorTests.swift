import Foundation
import LumenCore
import Tables
import TestSupport
import Testing

@Suite("Table reader: bad input gets a clear error")
struct TableErrorTests {
  func error(_ body: () throws -> Table) -> TableError? {
    do {
      _ = try body()
      return nil
    } catch let error as TableError {
      return error
    } catch {
      return nil
    }
  }

  @Test("Unknown column: the columns that exist and the closest name")
  func unknownColumn() throws {
    let found = try #require(
      error { try TableReader.read(path: Fixtures.path("tables/tips.csv"), columns: ["tips"]) })
    #expect(found.category == .invalidOption)
    #expect(found.description.contains("no column \"tips\""))
    #expect(found.description.contains("did you mean \"tip\"?"))
    #expect(found.description.contains("\"total_bill\""))
  }

  @Test("Empty, header-only, missing, folder, binary")
  func emptyAndBroken() throws {
    let dir = TemporaryDirectory()
    let empty = dir.write([], to: "empty.csv")
    #expect(error { try TableReader.read(path: empty) }?.category == .badInput)
    let headerOnly = dir.write(Array("a,b\n".utf8), to: "h.csv")
    let headerError = try #require(error { try TableReader.read(path: headerOnly) })
    #expect(headerError.description.contains("header row but no data rows"))
    #expect(
      error { try TableReader.read(path: dir.file("none.csv")) }?.category == .inputNotReadable)
    #expect(error { try TableReader.read(path: dir.path) }?.category == .inputNotReadable)
    let binary = dir.write([0, 1, 2, 3, 0xFF, 0], to: "b.csv")
    #expect(
      error { try TableReader.read(path: binary) }?.description.contains("not a table") == true)
    let badJSON = dir.write(Array("{\"a\": 1}\n{oops}\n".utf8), to: "x.jsonl")
    #expect(error { try TableReader.read(path: badJSON) }?.description.contains("line 2") == true)
    let notWorkbook = dir.write([0x50, 0x4B, 0x03, 0x04, 0, 0, 0], to: "x.xlsx")
    #expect(error { try TableReader.read(path: notWorkbook) }?.category == .badInput)
  }

  @Test("A mostly numeric column names its first word")
  func nonNumber() throws {
    let dir = TemporaryDirectory()
    let path = dir.write(Array("x,y\na,1\nb,2\nc,lots\nd,4\n".utf8), to: "n.csv")
    let column = try #require(try TableReader.read(path: path).column("y"))
    #expect(!column.kind.isNumeric)
    #expect(column.firstNonNumber == NonNumber(row: 3, text: "lots"))
  }

  @Test("Row limit is checked while reading")
  func rowLimit() throws {
    var limits = TableReader.Limits()
    limits.maxRows = 50
    let found = error {
      try TableReader.read(path: Fixtures.path("tables/tips.csv"), limits: limits)
    }
    #expect(found?.category == .limitExceeded)
  }

  @Test("A damaged workbook is an error, also from memory (it trapped ZIPFoundation's memory mode)")
  func damagedWorkbook() throws {
    let original = try #require(
      FileManager.default.contents(atPath: Fixtures.path("tables/sales.xlsx")))
    var bytes = Array(original)
    // Point the central directory past the end of the data.
    let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    var end = bytes.count - 22
    while end > 0, Array(bytes[end..<(end + 4)]) != signature { end -= 1 }
    try #require(end > 0)
    for i in 16..<20 { bytes[end + i] = 0x7F }
    let dir = TemporaryDirectory()
    let path = dir.write(bytes, to: "damaged.xlsx")
    #expect(error { try TableReader.read(path: path) }?.category == .badInput)
    #expect(
      error { try TableReader.read(bytes: bytes, name: "damaged.xlsx") }?.category == .badInput)
    #expect(
      error { try TableReader.read(bytes: Array(bytes.prefix(200)), name: "cut.xlsx") } != nil)
    #expect(dir.contents() == ["damaged.xlsx"])
  }

  @Test("A deflate stream cut short inside its part is an error, not a hang")
  func truncatedPart() throws {
    let original = try #require(
      FileManager.default.contents(atPath: Fixtures.path("tables/sales.xlsx")))
    var bytes = Array(original)
    let name = Array("xl/worksheets/sheet1.xml".utf8)
    var found = false
    for offset in 0..<(bytes.count - 46 - name.count)
    where bytes[offset] == 0x50 && bytes[offset + 1] == 0x4B && bytes[offset + 2] == 0x01
      && bytes[offset + 3] == 0x02
      && Array(bytes[(offset + 46)..<(offset + 46 + name.count)]) == name
    {
      // Halve the part's compressed size in the central directory.
      let size = Int(bytes[offset + 20]) | Int(bytes[offset + 21]) << 8
      bytes[offset + 20] = UInt8((size / 2) & 0xFF)
      bytes[offset + 21] = UInt8((size / 2) >> 8)
      found = true
    }
    try #require(found)
    let failure = error { try TableReader.read(bytes: bytes, name: "cut.xlsx") }
    #expect(
      failure?.description.contains("cannot be unpacked") == true, "\(String(describing: failure))")
  }
}

@Suite("Table reader: cancellation")
struct TableCancellationTests {
  @Test("A cancelled task stops reading within 65,536 rows")
  func cancelled() async throws {
    let dir = TemporaryDirectory()
    let text = "n\n" + (0..<70_000).map(String.init).joined(separator: "\n")
    let path = dir.write(Array(text.utf8), to: "long.csv")
    let outcome = await Task { () -> TableError? in
      withUnsafeCurrentTask { $0?.cancel() }
      do {
        _ = try TableReader.read(path: path)
        return nil
      } catch let error as TableError {
        return error
      } catch {
        return nil
      }
    }.value
    #expect(outcome == .cancelled)
    // Not cancelled, the same file reads whole.
    #expect(try TableReader.read(path: path).rowCount == 70_000)
  }
}
