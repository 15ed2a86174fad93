import Foundation
import Geo
import MapRendering
import Testing

@Suite struct PointTableTests {
  func parse(_ text: String, lat: String? = nil, lon: String? = nil, maxPoints: Int = 100_000)
    throws(MapError) -> PointTable
  {
    try PointTable.parse(
      Data(text.utf8), latitudeColumn: lat, longitudeColumn: lon, maxPoints: maxPoints)
  }

  @Test func readsQuotedFieldsBOMCRLFAndAnyColumnOrder() throws {
    let text =
      "\u{FEFF}Name,Longitude,colour,LAT,characteristic\r\n\"Split Rock, MN\",-91.367,red,47.2,\"Fl W 10s\"\r\n\"Say \"\"Hi\"\"\",-70.2,#00ff00,43.6,\r\n"
    let table = try parse(text)
    #expect(table.rowsRead == 2)
    #expect(table.points.count == 2)
    #expect(table.points[0].name == "Split Rock, MN")
    #expect(table.points[0].coordinate == GeoCoordinate(latitude: 47.2, longitude: -91.367))
    #expect(table.points[0].characteristic == "Fl W 10s")
    #expect(table.points[0].color == LightPalette.color(named: "red"))
    #expect(table.points[1].name == "Say \"Hi\"")
    #expect(table.points[1].color?.hex == "#00ff00")
    #expect(table.points[1].characteristic == nil)
    #expect(table.columns.latitude == "LAT" && table.columns.longitude == "Longitude")
  }

  @Test func skipsAndCountsBadRows() throws {
    let text = "lat,lng\n10,20\n,5\n91,0\n0,-181\nabc,1\n-33.9,151.2\n"
    let table = try parse(text)
    #expect(table.rowsRead == 6)
    #expect(table.points.count == 2)
    #expect(
      table.skipped == [
        "missing coordinates": 1, "latitude out of range": 1, "longitude out of range": 1,
        "coordinates not numbers": 1,
      ])
  }

  @Test func namedColumnsWin() throws {
    let table = try parse("a,b,lat\n40,-74,0\n", lat: "a", lon: "B")
    #expect(table.points.first?.coordinate == GeoCoordinate(latitude: 40, longitude: -74))
  }

  @Test func clearErrors() {
    #expect(
      throws: MapError.emptyInput(
        "the CSV is empty: expected a header row with latitude and longitude columns, then one row per point"
      )
    ) { try parse("") }
    #expect(throws: MapError.emptyInput("the CSV has a header row but no data rows")) {
      try parse("lat,lon\n")
    }
    do {
      _ = try parse("x,y\n1,2\n")
      Issue.record("no error")
    } catch {
      guard case .noCoordinateColumns(let message) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(message.contains("'x', 'y'") && message.contains("--lat"))
    }
    do {
      _ = try parse("lat,lon\n100,0\n,\n")
      Issue.record("no error")
    } catch {
      guard case .noValidPoints(let message) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(message.contains("2 rows"))
    }
  }

  @Test func replacesBytesThatAreNotUTF8() throws {
    var bytes = Array("name,lat,lon\nCaf".utf8)
    bytes += [0xE9, 0xFF]  // Latin-1 é and a stray byte
    bytes += Array(",45.5,-73.6\n".utf8)
    let table = try PointTable.parse(Data(bytes))
    #expect(table.points.count == 1)
    #expect(table.points[0].name == "Caf\u{FFFD}\u{FFFD}")
    #expect(table.warnings.contains { $0.contains("not valid UTF-8") })
  }

  @Test func aMillionRowsStopAtThePointLimit() throws {
    var text = "lat,lon\n"
    text.reserveCapacity(20_000_000)
    for i in 0..<1_000_000 { text += "\(Double(i % 180) - 89.5),\(Double(i % 360) - 179.5)\n" }
    do {
      _ = try parse(text, maxPoints: 50_000)
      Issue.record("no error")
    } catch {
      guard case .limitExceeded(let message) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(message.contains("more than 50000 points"))
    }
  }

  @Test func colourValues() {
    #expect(LightPalette.color(named: "#102030")?.hex == "#102030")
    #expect(LightPalette.color(named: "G") == LightPalette.color(named: "green"))
    #expect(LightPalette.color(named: "Bu") != nil)
    #expect(LightPalette.color(named: "plaid") == nil)
  }
}
