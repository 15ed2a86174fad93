import Foundation
import Lights
import TestSupport
import Testing

/// The characteristics of real Lake Michigan lights (US Light List / Wikidata) against the
/// on/off seconds the data expects.
@Suite struct LightListCorpusTests {
  static let corpusURL = Fixtures.mapData?
    .appendingPathComponent("lake_michigan_lights_characteristics.csv")
  static let sampleURL = URL(fileURLWithPath: Fixtures.path("lake_michigan_lights_sample.csv"))

  @Test func sampleRowsGiveTheirExpectedPhases() throws {
    let rows = try LightListRow.load(Self.sampleURL)
    let checked = try Self.check(rows)
    // The sample covers every rhythm class in the corpus.
    #expect(checked == 13)
    let texts = Set(rows.map(\.characteristic))
    for text in [
      "Iso G 6s", "F W", "Oc W 4s", "Fl R 4s", "Fl W 5s", "Q W", "Fl(2) W 15s",
      "Alt WR 10s", "Alt W 5s, R 5s",
    ] {
      #expect(texts.contains(text), "sample lacks \(text)")
    }
  }

  @Test(.enabled(if: corpusURL != nil, "../shared/mapdata is not present"))
  func corpusRowsGiveTheirExpectedPhases() throws {
    let url = try #require(Self.corpusURL)
    let rows = try LightListRow.load(url)
    let checked = try Self.check(rows)
    #expect(checked == rows.count)
    #expect(rows.count >= 100)
  }

  @Test(.enabled(if: corpusURL != nil, "../shared/mapdata is not present"))
  func sampleRowsAreCopiedUnchangedFromTheCorpus() throws {
    let corpus = try LightListRow.load(try #require(Self.corpusURL))
    for row in try LightListRow.load(Self.sampleURL) {
      #expect(corpus.contains(row), "\(row.name) differs from ../shared/mapdata")
    }
  }

  /// `Alt W 5s, R 5s` (the one `unparsed` row) is read as each colour for its own time.
  @Test func unparsedAlternationReadsLikeItsShortForm() throws {
    let long = try LightCharacteristic.parse("Alt W 5s, R 5s")
    #expect(long == (try LightCharacteristic.parse("Alt WR 10s")))
    #expect(long.phases.map(\.color) == [.white, .red])
    #expect(long.phases.map(\.durationSeconds) == [5, 5])
  }

  // MARK: - Checking rows

  /// Checks every row, records a failure per mismatch, and returns how many rows were checked.
  private static func check(_ rows: [LightListRow]) throws -> Int {
    var checked = 0
    for row in rows {
      let light: LightCharacteristic
      do {
        light = try LightCharacteristic.parse(row.characteristic)
      } catch {
        Issue.record("\(row.name): “\(row.characteristic)” did not parse: \(error)")
        continue
      }
      switch row.source {
      case "listed", "assumed":
        expect(light, matches: row)
      case "unparsed":
        // The data stores a placeholder (steady, 1 s); the text itself is a steady alternation.
        #expect(light.isAlternating, "\(row.name)")
        #expect(light.phases.allSatisfy { $0.isLit }, "\(row.name)")
      default:
        Issue.record("\(row.name): unknown char_source \(row.source)")
      }
      checked += 1
    }
    return checked
  }

  private static func expect(_ light: LightCharacteristic, matches row: LightListRow) {
    let context = Comment(rawValue: "\(row.name): \(row.characteristic) → \(light.phases)")
    #expect(abs(light.periodSeconds - row.periodSeconds) < 1e-9, context)
    let total = light.phases.reduce(0) { $0 + $1.durationSeconds }
    #expect(abs(total - light.periodSeconds) < 1e-9, context)
    let expected = row.expectedIntervals
    #expect(light.phases.count == expected.count, context)
    for (phase, interval) in zip(light.phases, expected) {
      #expect(abs(phase.durationSeconds - interval.seconds) < 1e-9, context)
      // The data writes an alternating light's second colour as "off": it is never dark.
      #expect(phase.isLit == (interval.isOn || light.isAlternating), context)
    }
    // The colour letters as written in the row, shown in order.
    let words = row.characteristic.split(separator: " ").map(String.init)
    #expect(words.contains(light.colors.map(\.rawValue).joined()), context)
    let shown = light.phases.compactMap(\.color)
    #expect(shown == (light.isAlternating ? light.colors : shown.map { _ in light.colors[0] }))
  }
}
