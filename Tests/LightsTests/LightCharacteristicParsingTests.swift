import Lights
import Testing

/// A lit interval, for the tables below.
private func on(_ seconds: Double, _ color: LightColor = .white) -> LightPhase {
  LightPhase(durationSeconds: seconds, color: color)
}

/// A dark interval.
private func off(_ seconds: Double) -> LightPhase {
  LightPhase(durationSeconds: seconds, color: nil)
}

/// Whether two phase lists match to within float rounding.
private func same(_ actual: [LightPhase], _ expected: [LightPhase]) -> Bool {
  actual.count == expected.count
    && zip(actual, expected).allSatisfy {
      $0.color == $1.color && abs($0.durationSeconds - $1.durationSeconds) < 1e-9
    }
}

@Suite struct LightCharacteristicParsingTests {
  static let phaseTable: [(String, [LightPhase])] = [
    // Fl: 0.5 s under a 5 s period, 1 s from 5 s on (the Light List data's convention).
    ("Fl W 4s", [on(0.5), off(3.5)]),
    ("Fl W 5s", [on(1), off(4)]),
    ("Fl G 2.5s", [on(0.5, .green), off(2)]),
    ("Fl W 30s", [on(1), off(29)]),
    ("Fl(2) W 6s", [on(0.5), off(1), on(0.5), off(4)]),
    ("Fl(2) W 15s", [on(0.5), off(1), on(0.5), off(13)]),
    ("Fl(2+1) R 10s", [on(0.5, .red), off(1), on(0.5, .red), off(2), on(0.5, .red), off(5.5)]),
    ("Fl(3) W", [on(0.5), off(1), on(0.5), off(1), on(0.5), off(3.5)]),
    ("LFl W 10s", [on(2), off(8)]),
    ("Q G", [on(0.3, .green), off(0.7)]),
    ("Q(3) W 10s", [on(0.3), off(0.7), on(0.3), off(0.7), on(0.3), off(7.7)]),
    ("VQ R", [on(0.2, .red), off(0.3)]),
    ("VQ(3) W 5s", [on(0.2), off(0.3), on(0.2), off(0.3), on(0.2), off(3.8)]),
    (
      "IQ W",
      [
        on(0.3), off(0.7), on(0.3), off(0.7), on(0.3), off(0.7), on(0.3), off(0.7), on(0.3),
        off(0.7), on(0.3), off(4.7),
      ]
    ),
    ("Iso W", [on(3), off(3)]),
    ("Iso G 6s", [on(3, .green), off(3)]),
    ("Oc W 4s", [on(3), off(1)]),
    ("Oc(2) W 8s", [on(5), off(1), on(1), off(1)]),
    ("Mo(A) W 8s", [on(0.5), off(0.5), on(1.5), off(5.5)]),
    (
      "Mo(U) Y 10s",
      [on(0.5, .yellow), off(0.5), on(0.5, .yellow), off(0.5), on(1.5, .yellow), off(6.5)]
    ),
    ("Mo(AN) W 15s", [on(0.5), off(0.5), on(1.5), off(1.5), on(1.5), off(0.5), on(0.5), off(8.5)]),
    ("F R", [on(1, .red)]),
    ("F W", [on(1)]),
    ("Alt WR 10s", [on(5), on(5, .red)]),
    ("Al WRG", [on(5), on(5, .red), on(5, .green)]),
    ("Al Fl WR 10s", [on(1), off(4), on(1, .red), off(4)]),
    ("Al Oc WG 8s", [on(3), off(1), on(3, .green), off(1)]),
    ("Alt W 5s, R 3s", [on(5), on(3, .red)]),
    ("Fl Bu 4s", [on(0.5, .blue), off(3.5)]),
    ("Fl 4s", [on(0.5), off(3.5)]),
    // A sector light (several colours, not alternating) blinks in its first colour.
    ("Fl WR 4s", [on(0.5), off(3.5)]),
  ]

  @Test(arguments: phaseTable)
  func givesThePhasesOfOnePeriod(text: String, expected: [LightPhase]) throws {
    let light = try LightCharacteristic.parse(text)
    #expect(same(light.phases, expected), "\(light.phases)")
    let total = expected.reduce(0) { $0 + $1.durationSeconds }
    #expect(abs(light.periodSeconds - total) < 1e-9)
  }

  @Test(arguments: phaseTable.map(\.0))
  func descriptionReadsBackToTheSameCharacteristic(text: String) throws {
    let light = try LightCharacteristic.parse(text)
    #expect((try LightCharacteristic.parse(light.description)) == light, "\(light.description)")
  }

  @Test func readsTheParts() throws {
    let light = try LightCharacteristic.parse("Al Fl(2+1) W R Bu 30s")
    #expect(light.rhythm == .flashing(groups: [2, 1]))
    #expect(light.colors == [.white, .red, .blue])
    #expect(light.isAlternating)
    #expect(light.periodSeconds == 30)
    #expect(light.isPeriodStated)
    #expect(light.description == "Al Fl(2+1) WRBu 30s")
    #expect((try LightCharacteristic.parse("Mo(a) W 8s")).rhythm == .morse("A"))
    #expect(
      (try LightCharacteristic.parse("Fl(1) W 6s")) == (try LightCharacteristic.parse("Fl W 6s")))
  }

  @Test func defaultPeriodsAreDocumentedAndMarkedUnstated() throws {
    let defaults: [(String, Double)] = [
      ("F W", 1), ("Q W", 1), ("VQ W", 0.5), ("Fl W", 4), ("Oc W", 4), ("Iso W", 6),
      ("Mo(A) W", 8), ("LFl W", 10), ("IQ W", 10), ("Fl(3) W", 7), ("Q(3) W", 5), ("Al WR", 10),
      ("Al Fl WR", 8),
    ]
    for (text, seconds) in defaults {
      let light = try LightCharacteristic.parse(text)
      #expect(light.periodSeconds == seconds, "\(text)")
      #expect(!light.isPeriodStated, "\(text)")
    }
    #expect((try LightCharacteristic.parse("Q W 1s")).isPeriodStated)
  }

  @Test(arguments: [
    "fl r 4s", "FL R 4S", "  Fl   R   4s  ", "Fl R 4s.", "Fl R 4 sec", "Fl R 4 sec.",
    "Fl.R.4s.", "Fl R 4 seconds", "Fl R 4", "Fl\tR\t4s", "Fl R 4.0s", "Fl R 4secs", "fL r 4 S .",
  ])
  func toleratesCaseSpacesAndTrailingPeriods(text: String) throws {
    #expect((try LightCharacteristic.parse(text)) == (try LightCharacteristic.parse("Fl R 4s")))
  }

  @Test(arguments: [
    ("Fl (2) W 6s", "Fl(2) W 6s"), ("Fl( 2 ) W 6s", "Fl(2) W 6s"),
    ("fl(2+1)w 10s", "Fl(2+1) W 10s"),
    ("Alt W R 10s", "Alt WR 10s"), ("Al. W.R. 10s", "Alt WR 10s"), ("L Fl W 10s", "LFl W 10s"),
    ("L.Fl.W.10s", "LFl W 10s"), ("Mo (a) W 8s", "Mo(A) W 8s"), ("Fl G 2.5 s", "Fl G 2.5s"),
    ("VQ W .5s", "VQ W 0.5s"), ("Alt W 5s,R 5s", "Alt WR 10s"), ("iso  g  6  sec.", "Iso G 6s"),
  ])
  func readsSpellingVariants(text: String, canonical: String) throws {
    #expect((try LightCharacteristic.parse(text)) == (try LightCharacteristic.parse(canonical)))
  }

  static let errorTable: [(String, LightCharacteristicError)] = [
    ("", .empty),
    ("   ", .empty),
    (" . ", .empty),
    ("Xyz", .unknownRhythm("Xyz")),
    ("4s", .unknownRhythm("4s")),
    ("Fl W -3s", .invalidPeriod("-3s")),
    ("Fl W 0s", .invalidPeriod("0s")),
    ("Fl W 4-5s", .invalidPeriod("4-5s")),
    ("Fl W 4m", .invalidPeriod("4m")),
    ("Fl W 100000s", .periodOutOfRange(seconds: 100_000)),
    ("Fl W 121s", .periodOutOfRange(seconds: 121)),
    ("Fl(0) W 4s", .invalidGroup("0")),
    ("Fl(2+) W 4s", .invalidGroup("2+")),
    ("Fl(21) W 60s", .invalidGroup("21")),
    ("Fl() W 4s", .invalidGroup("")),
    ("Fl(2 W 4s", .invalidGroup("(2 W 4s")),
    ("Iso(2) W 6s", .groupNotAllowed(rhythm: "Iso")),
    ("F(2) W", .groupNotAllowed(rhythm: "F")),
    ("Mo W 8s", .invalidMorse("")),
    ("Mo(?) W 8s", .invalidMorse("?")),
    ("Fl(3) W 3s", .periodTooShort(seconds: 3, minimumSeconds: 3.5)),
    ("Oc W 1s", .periodTooShort(seconds: 1, minimumSeconds: 1)),
    ("LFl W 2s", .periodTooShort(seconds: 2, minimumSeconds: 2)),
    ("Al Fl WR 1s", .periodTooShort(seconds: 1, minimumSeconds: 1)),
    ("Alt W 10s", .alternatingNeedsTwoColors),
    ("Alt WW 10s", .alternatingNeedsTwoColors),
    ("Fl X 4s", .unexpectedText("X 4s")),
    ("Fl W 4s 15ft", .unexpectedText("15ft")),
    ("Fl W 4s, R 4s", .unexpectedText(", R 4s")),
    ("Alt W 5s, 3s", .unexpectedText(", 3s")),
    ("Alt W 5s, R", .unexpectedText(", R")),
  ]

  @Test(arguments: errorTable)
  func rejectsMalformedText(text: String, expected: LightCharacteristicError) {
    #expect(throws: expected) { try LightCharacteristic.parse(text) }
  }

  @Test func errorsSayWhatWasWrong() {
    let messages: [(String, String)] = [
      ("Xyz", "unknown rhythm “Xyz”"),
      ("Fl W -3s", "the period “-3s” is not a positive number of seconds"),
      ("Fl(0) W 4s", "invalid group “0”"),
      ("Fl W 100000s", "longer than 120 s"),
      ("Fl(3) W 3s", "must be longer than 3.5 s"),
      ("Iso(2) W 6s", "Iso lights have no flash groups"),
    ]
    for (text, fragment) in messages {
      do {
        _ = try LightCharacteristic.parse(text)
        Issue.record("“\(text)” parsed")
      } catch {
        #expect(error.description.contains(fragment), "\(error.description)")
      }
    }
  }

  @Test func initializerChecksItsParts() {
    #expect(throws: LightCharacteristicError.invalidGroup("0")) {
      try LightCharacteristic(rhythm: .flashing(groups: [0]), periodSeconds: 4)
    }
    #expect(throws: LightCharacteristicError.invalidMorse("A!")) {
      try LightCharacteristic(rhythm: .morse("A!"))
    }
    #expect(throws: LightCharacteristicError.invalidPeriod("nans")) {
      try LightCharacteristic(rhythm: .isophase, periodSeconds: .nan)
    }
    #expect(throws: LightCharacteristicError.alternatingNeedsTwoColors) {
      try LightCharacteristic(rhythm: .fixed, colors: [.red], isAlternating: true)
    }
  }

  @Test func builtAndParsedCharacteristicsAgree() throws {
    let built = try LightCharacteristic(
      rhythm: .flashing(groups: [2]), colors: [], periodSeconds: 15)
    #expect(built == (try LightCharacteristic.parse("Fl(2) W 15s")))
  }
}
