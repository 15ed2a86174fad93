import Foundation
import LumenCore
import Tables
import TestSupport
import Testing

@Suite("Table reader: a matrix of numbers read straight into one array")
struct NumberMatrixTests {
  /// The matrix the general reader gives: the first column, and the others' numbers row by
  /// row (NaN for missing), or nil when a column after the first is not numbers.
  private static func general(_ path: String) throws -> (TableColumn, [String], [Double])? {
    let table = try TableReader.read(path: path)
    var values = [Double](
      repeating: .nan, count: table.rowCount * (table.columns.count - 1))
    let width = table.columns.count - 1
    for (c, column) in table.columns.dropFirst().enumerated() {
      if column.missingCount == table.rowCount { continue }
      guard case .numbers(let numbers) = column.values, column.kind.isNumeric else { return nil }
      for (r, v) in numbers.enumerated() { values[r * width + c] = v ?? .nan }
    }
    return (table.columns[0], table.columns.dropFirst().map(\.name), values)
  }

  @Test(
    "Equal to the general reader's columns",
    arguments: [
      "name,a,b\nr1,1.5,-2\nr2,,3e2\nr3,NA,0.001\n",
      "day,x,y\n2024-01-31,1,2\n2024-02-01,3,4\n",
      "n,x,y\n1.50,1,2\n2,3,4\n10,5,6\n",
      "\"label, quoted\",x\r\n\"a, b\",  7 \r\n\"c \"\"d\"\"\",\t-0.25\t\r\n",
      "k;x;y\nr1;1;2\nr2;3;4\n",
      "name,a,empty\nr1,1,\nr2,2,\n\nr3,3,\n",
      "name,a,b\nr1,1,2,99\nr2,3,4\n",
      "name,a\nr1,1234567890123456789\nr2,-0\nr3,007\n",
      "name,a\n,1\nr2,2\n",
      "name,a,b\r\nr1,1,2\r\nr2,,-0.5\r\nr3,3,4",
      "name,a,b\nr1,1,2\nr2,-,5\nr3,+4,5\nr4,1.5e0,6\n",
      "name,a,b\nr1,1,2\nr2,12345678901234567,3\nr3,-123456789012345,0.000000000000001\n",
    ])
  func sameAsGeneral(text: String) throws {
    let dir = TemporaryDirectory()
    let path = dir.write(Array(text.utf8), to: "m.csv")
    let matrix = try #require(try TableReader.readNumberMatrix(path: path))
    let (labels, names, values) = try #require(try Self.general(path))
    #expect(matrix.labels == labels)
    #expect(matrix.columnNames == names)
    #expect(matrix.rowCount == labels.values.count)
    #expect(matrix.values.count == values.count)
    #expect(
      zip(matrix.values, values).allSatisfy {
        $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN)
      })
  }

  @Test("Records across the read buffer's edges (about 3 MB) equal the general reader's")
  func acrossBuffers() throws {
    var generator = SplitMix64(seed: 4)
    var csv = "row," + (0..<120).map { "c\($0)" }.joined(separator: ",") + "\n"
    for r in 0..<3000 {
      let cells = (0..<120).map { _ -> String in
        let n = generator.next() % 10_000
        return n < 100 ? "" : n < 110 ? " 7 " : "\(Double(Int(n) - 5000) / 1000)"
      }
      csv += "r\(r)," + cells.joined(separator: ",") + "\n"
    }
    let dir = TemporaryDirectory()
    let path = dir.write(Array(csv.utf8), to: "m.csv")
    let matrix = try #require(try TableReader.readNumberMatrix(path: path))
    let (labels, _, values) = try #require(try Self.general(path))
    #expect(matrix.rowCount == 3000)
    #expect(matrix.labels == labels)
    #expect(
      zip(matrix.values, values).allSatisfy {
        $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN)
      })
  }

  @Test(
    "Anything the general reader reads differently is left to it",
    arguments: [
      "name,price\nr1,$3\nr2,4\n",  // a unit
      "name,a\nr1,\"1,234\"\nr2,5\n",  // a thousands separator
      "name,share\nr1,12%\nr2,3%\n",  // percent
      "name,a,b\nr1,1\nr2,3,4\n",  // a short row (a warning)
      "name,user_id\nr1,1\nr2,2\n",  // an identifier column
      "name,a,a\nr1,1,2\n",  // a repeated name
      "name,a\nr1,yes\nr2,2\n",  // text
      "name,a\nr1,.\nr2,2\n",  // a point alone
      "name,a\nr1,1.2.3\nr2,2\n",  // two points
      "name,a\nr1,true\nr2,false\n",  // booleans
      "name\nr1\nr2\n",  // one column
      "name,a\n",  // no rows
      ",a\nr1,1\n",  // an unnamed column
      "{\"name\": \"r1\", \"a\": 1}\n",  // JSON Lines
    ])
  func leftToGeneral(text: String) throws {
    let dir = TemporaryDirectory()
    let path = dir.write(Array(text.utf8), to: text.hasPrefix("{") ? "m.jsonl" : "m.csv")
    #expect(try TableReader.readNumberMatrix(path: path) == nil)
  }

  @Test("Bytes that are not UTF-8 in a label are left to the general reader (its warning)")
  func notUTF8() throws {
    let dir = TemporaryDirectory()
    let path = dir.write(Array("name,n\nCaf".utf8) + [0xE9] + Array(",1\n".utf8), to: "l.csv")
    #expect(try TableReader.readNumberMatrix(path: path) == nil)
  }

  @Test("A missing file is an error in the same words")
  func missing() throws {
    #expect(throws: TableError.self) { try TableReader.readNumberMatrix(path: "/nonexistent.csv") }
  }
}
