import Tables
import TestSupport
import Testing

@Suite("Table reader: inference rules")
struct ValueReadingTests {
  func column(_ values: [String], name: String = "v") throws -> TableColumn {
    let dir = TemporaryDirectory()
    let text = ([name] + values.map { "\"\($0)\"" }).joined(separator: "\n") + "\n"
    let path = dir.write(Array(text.utf8), to: "t.csv")
    return try #require(try TableReader.read(path: path).columns.first)
  }

  @Test(
    "Date layouts, chosen per column",
    arguments: [
      (["2024-01-31", "2024-02-01"], ColumnKind.date, "2024-01-31"),
      (["2024-01-31 13:45", "2024-02-01 00:00"], .datetime, "2024-01-31 13:45"),
      (["2024-01-31T13:45:07Z", "2024-02-01T00:00:00Z"], .datetime, "2024-01-31 13:45:07"),
      (["01/31/2024", "02/01/2024"], .date, "2024-01-31"),
      (["13/01/2024", "02/01/2024"], .date, "2024-01-13"),
      (["31.01.2024", "01.02.2024"], .date, "2024-01-31"),
      (["2024/01/31", "2024/02/01"], .date, "2024-01-31"),
    ])
  func dates(values: [String], kind: ColumnKind, first: String) throws {
    let c = try column(values)
    #expect(c.kind == kind)
    #expect(c.values.text(at: 0) == first)
  }

  @Test("One layout for the whole column: 02/01/2024 after 13/01/2024 is 2 January")
  func perColumn() throws {
    let c = try column(["13/01/2024", "02/01/2024"])
    #expect(c.values.text(at: 1) == "2024-01-02")
  }

  @Test("Invalid dates make the column text")
  func invalidDate() throws {
    #expect(try column(["2024-02-30", "2024-03-01"]).kind != .date)
  }

  @Test(
    "Missing markers",
    arguments: ["", "NA", "N/A", "NaN", "null", "None", "-", "na", "NULL"])
  func missing(marker: String) throws {
    let c = try column(["1", marker, "3"])
    #expect(c.kind == .integer)
    #expect(c.numbers! == [1, nil, 3])
    #expect(c.missingCount == 1)
  }

  @Test("Numbers with units and separators")
  func numbers() throws {
    #expect(try column(["1,234", "12", "-5"]).numbers! == [1234, 12, -5])
    #expect(try column(["€ 9", "€10.5"]).unit == .euro)
    // A decimal comma is not read as a number.
    #expect(try column(["9 €", "10,5 €"]).kind != .float)
    #expect(try column(["-$5", "$7"]).numbers! == [-5, 7])
    #expect(try column(["1e3", "2.5E-1"]).numbers! == [1000, 0.25])
    #expect(try column(["1,23", "4"]).kind == .category)
  }

  @Test("Categories, text and identifiers")
  func words() throws {
    #expect(try column(["a", "b", "a", "b", "a"]).kind == .category)
    let unique = (1...30).map { "code-\($0 * 7919)" }
    #expect(try column(unique).kind == .identifier)
    #expect(try column(["1", "2", "3"], name: "user_id").kind == .identifier)
    #expect(try column(["1", "2", "2"], name: "user_id").kind == .integer)
    let sentences = (1...30).map { "sentence number \($0)" }
    #expect(try column(sentences).kind == .text)
    #expect(try column(["TRUE", "false", "True"]).kind == .boolean)
    #expect(try column(["yes", "no", "yes"]).kind == .category)
  }
}
