import Foundation
import LumenCore
import Tables
import TestSupport
import Testing

@Suite("Table reader: file types")
struct TableReaderTests {
  @Test("CSV: kinds inferred per column, values read")
  func tips() throws {
    let table = try TableReader.read(path: Fixtures.path("tables/tips.csv"))
    #expect(table.format == .delimited)
    #expect(table.rowCount == 120)
    #expect(table.header == ["total_bill", "tip", "sex", "smoker", "day", "time", "size"])
    let kinds = table.columns.map(\.kind)
    #expect(kinds == [.float, .float, .category, .category, .category, .category, .integer])
    // Independent: the first data line of the file.
    let line = try String(contentsOfFile: Fixtures.path("tables/tips.csv"), encoding: .utf8)
      .split(separator: "\n")[1].split(separator: ",")
    #expect(table.column("total_bill")?.numbers?.first! == Double(line[0]))
    #expect(table.column("day")?.values.text(at: 0) == String(line[4]))
  }

  @Test("Only the columns asked for are kept, in the order asked")
  func selection() throws {
    let table = try TableReader.read(
      path: Fixtures.path("tables/tips.csv"), columns: ["tip", "day"])
    #expect(table.columns.map(\.name) == ["tip", "day"])
    #expect(table.header.count == 7)
  }

  @Test("Semicolons, units, thousands separators, dotted dates and missing markers")
  func messy() throws {
    let table = try TableReader.read(path: Fixtures.path("tables/messy.csv"))
    let price = try #require(table.column("price"))
    #expect(price.kind == .float)
    #expect(price.unit == .dollar)
    #expect(price.numbers! == [1234.5, 99.99, nil, 12000, 5, 0.75, 2500.1, nil, 310, 7.4])
    #expect(price.missingCount == 2)
    let share = try #require(table.column("share"))
    #expect(share.unit == .percent)
    #expect(share.numbers! == [12.5, 3, 7.25, nil, 50, nil, 0.5, 100, nil, 22.75])
    let when = try #require(table.column("when"))
    #expect(when.kind == .date)
    #expect(when.dateLayout == "31.01.2024")
    #expect(when.values.text(at: 3) == "2024-02-29")
    #expect(when.missingCount == 2)
    #expect(table.column("flag")?.kind == .boolean)
    #expect(table.column("flag")?.missingCount == 3)
    #expect(table.column("id")?.kind == .identifier)
    #expect(table.column("name")?.values.text(at: 9) == "Café Crème")
    #expect(table.column("name")?.missingCount == 1)
  }

  @Test("TSV, pipes and a BOM")
  func separators() throws {
    let dir = TemporaryDirectory()
    let tsv = dir.write(Array("\u{FEFF}a\tb\n1\tx\n2\ty\n".utf8), to: "t.tsv")
    let table = try TableReader.read(path: tsv)
    #expect(table.header == ["a", "b"])
    #expect(table.column("a")?.numbers! == [1, 2])
    let piped = dir.write(Array("a|b\n1|x\n2|y\n".utf8), to: "p.txt")
    #expect(try TableReader.read(path: piped).column("b")?.values.text(at: 1) == "y")
  }

  @Test("JSON Lines and a JSON array read the same as the CSV")
  func json() throws {
    let dir = TemporaryDirectory()
    let lines = dir.write(
      Array(
        """
        {"city": "Oslo", "temp": 3.5, "rain": true, "when": "2024-01-31T13:45:00Z"}
        {"city": "Rome", "temp": 14, "rain": false, "when": "2024-02-01T08:00:00Z", "extra": null}

        {"city": "Cairo", "temp": null, "rain": false, "when": "2024-02-02T08:00:00+02:00"}
        """.utf8), to: "w.jsonl")
    let table = try TableReader.read(path: lines)
    #expect(table.format == .jsonLines)
    #expect(table.header == ["city", "temp", "rain", "when", "extra"])
    #expect(table.rowCount == 3)
    #expect(table.column("temp")?.numbers! == [3.5, 14, nil])
    #expect(table.column("rain")?.kind == .boolean)
    #expect(table.column("when")?.kind == .datetime)
    #expect(table.column("when")?.values.text(at: 2) == "2024-02-02 06:00")
    let array = dir.write(
      Array(#"[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}, {"b": "z"}]"#.utf8), to: "a.json")
    let read = try TableReader.read(path: array)
    #expect(read.format == .jsonArray)
    #expect(read.column("a")?.numbers! == [1, 2, nil])
  }

  @Test("xlsx: shared strings, dates from the number format, numbers, booleans; equals its CSV")
  func workbook() throws {
    let table = try TableReader.read(path: Fixtures.path("tables/sales.xlsx"))
    let csv = try TableReader.read(path: Fixtures.path("tables/sales.csv"))
    #expect(table.format == .xlsx)
    #expect(table.sheet == "Sales")
    #expect(table.header == csv.header)
    #expect(table.rowCount == csv.rowCount)
    for (a, b) in zip(table.columns, csv.columns) {
      #expect(a.kind == b.kind, "\(a.name)")
      #expect(a.values == b.values, "\(a.name)")
    }
    #expect(table.column("month")?.kind == .date)
    let notes = try TableReader.read(path: Fixtures.path("tables/sales.xlsx"), sheet: "Notes")
    #expect(notes.sheet == "Notes")
    #expect(throws: TableError.self) {
      try TableReader.read(path: Fixtures.path("tables/sales.xlsx"), sheet: "Nope")
    }
  }

  @Test("CJK headers and values")
  func cjk() throws {
    let table = try TableReader.read(path: Fixtures.path("tables/cjk.csv"))
    #expect(table.header == ["城市", "人口(万)"])
    #expect(table.column("人口(万)")?.kind == .float)
    #expect(table.column("城市")?.values.text(at: 0) == "上海")
  }

  @Test(
    "Bytes in memory read the same as the file", arguments: ["tips.csv", "sales.xlsx", "messy.csv"])
  func memory(name: String) throws {
    let path = Fixtures.path("tables/" + name)
    let bytes = try #require(FileManager.default.contents(atPath: path))
    let fromFile = try TableReader.read(path: path)
    let fromMemory = try TableReader.read(bytes: Array(bytes), name: name)
    #expect(fromMemory.header == fromFile.header)
    #expect(fromMemory.columns == fromFile.columns)
    #expect(fromMemory.format == fromFile.format)
    let lines = try TableReader.read(bytes: Array("{\"a\": 1}\n{\"a\": 2}".utf8), name: "x.jsonl")
    #expect(lines.column("a")?.numbers! == [1, 2])
  }
}
