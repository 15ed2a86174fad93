import Lights
import Testing

@Suite struct BlinkScheduleTests {
  /// Characteristics whose every interval is checked at its middle.
  static let rhythms = [
    "Fl R 4s", "Fl W 6s", "Fl(2) W 15s", "Fl(2+1) G 10s", "Q W", "VQ R", "Q(3) W 10s", "IQ W",
    "Iso G 6s", "Oc W 4s", "Oc(2) R 8s", "Mo(A) W 8s", "LFl W 10s", "Al Fl WR 10s",
  ]

  @Test(arguments: rhythms)
  func isFullyOnOrOffAtTheMiddleOfEveryInterval(text: String) throws {
    let light = try LightCharacteristic.parse(text)
    let schedule = BlinkSchedule(light)
    var start = 0.0
    for phase in light.phases {
      let middle = start + phase.durationSeconds / 2
      let level = schedule.brightness(atSeconds: middle)
      #expect(abs(level - (phase.isLit ? 1 : 0)) < 1e-9, "\(text) at \(middle) s: \(level)")
      start += phase.durationSeconds
    }
  }

  @Test(arguments: rhythms)
  func isHalfwayAtEverySwitch(text: String) throws {
    let light = try LightCharacteristic.parse(text)
    let schedule = BlinkSchedule(light)
    var time = 0.0
    for (index, phase) in light.phases.enumerated() {
      let next = light.phases[(index + 1) % light.phases.count]
      time += phase.durationSeconds
      guard next.isLit != phase.isLit else { continue }
      let level = schedule.brightness(atSeconds: time)
      #expect(abs(level - 0.5) < 1e-6, "\(text) at \(time) s: \(level)")
    }
  }

  @Test func rampsLastTheirLengthCentredOnTheSwitch() throws {
    // Fl R 4s: light 0…0.5 s, dark 0.5…4 s.
    let schedule = BlinkSchedule(try LightCharacteristic.parse("Fl R 4s"), rampSeconds: 0.2)
    #expect(schedule.brightness(atSeconds: 0.15) == 1)
    #expect(schedule.brightness(atSeconds: 0.35) == 1)
    #expect(schedule.brightness(atSeconds: 0.65) == 0)
    #expect(schedule.brightness(atSeconds: 3.85) == 0)
    let rising = [3.92, 3.96, 4.0, 4.04, 4.08].map { schedule.brightness(atSeconds: $0) }
    #expect(zip(rising, rising.dropFirst()).allSatisfy { $0 < $1 }, "\(rising)")
    #expect(rising.allSatisfy { $0 > 0 && $0 < 1 }, "\(rising)")
    let falling = [0.42, 0.46, 0.5, 0.54, 0.58].map { schedule.brightness(atSeconds: $0) }
    #expect(zip(falling, falling.dropFirst()).allSatisfy { $0 > $1 }, "\(falling)")
  }

  @Test(arguments: ["Fl R 4s", "Fl(2) W 6s", "VQ R", "Oc W 4s", "Mo(A) W 8s"])
  func changesContinuously(text: String) throws {
    let light = try LightCharacteristic.parse(text)
    let step = 0.001
    let smooth = Self.largestStep(
      BlinkSchedule(light), seconds: 2 * light.periodSeconds, step: step)
    // Smoothstep's steepest slope is 1.5 per ramp length; the 0.15 s ramp is shortened only
    // for VQ's 0.2 s flashes, never below 0.15 s here.
    #expect(smooth <= 1.5 / 0.15 * step + 1e-9, "\(smooth)")
    #expect(smooth > 0)
    // The same measure sees the jumps of a hard switch.
    let hard = Self.largestStep(
      BlinkSchedule(light, rampSeconds: 0), seconds: 2 * light.periodSeconds, step: step)
    #expect(hard == 1)
  }

  @Test func shortensRampsToTheIntervalsBesideThem() throws {
    // VQ: 0.2 s light, 0.3 s dark; a 1 s ramp still leaves full light and full darkness.
    let schedule = BlinkSchedule(try LightCharacteristic.parse("VQ W"), rampSeconds: 1)
    #expect(abs(schedule.brightness(atSeconds: 0.1) - 1) < 1e-9)
    #expect(abs(schedule.brightness(atSeconds: 0.35)) < 1e-9)
    #expect(abs(schedule.brightness(atSeconds: 0.2) - 0.5) < 1e-9)
  }

  @Test func staysWithinZeroAndOneAndRepeatsEveryPeriod() throws {
    for text in Self.rhythms {
      let light = try LightCharacteristic.parse(text)
      let schedule = BlinkSchedule(light, phaseOffsetSeconds: 0.37)
      for tenth in -300...300 {
        let time = Double(tenth) / 10 + 0.013
        let level = schedule.brightness(atSeconds: time)
        #expect((0...1).contains(level), "\(text) at \(time): \(level)")
        let later = schedule.brightness(atSeconds: time + 3 * light.periodSeconds)
        #expect(abs(level - later) < 1e-6, "\(text) at \(time)")
        #expect(
          schedule.color(atSeconds: time) == schedule.color(atSeconds: time + light.periodSeconds))
      }
    }
  }

  @Test func phaseOffsetShiftsTheSchedule() throws {
    let light = try LightCharacteristic.parse("Fl(2) W 6s")
    let plain = BlinkSchedule(light)
    let shifted = BlinkSchedule(light, phaseOffsetSeconds: 1.3)
    for hundredth in 0..<600 {
      let time = Double(hundredth) / 100
      #expect(
        abs(shifted.brightness(atSeconds: time) - plain.brightness(atSeconds: time + 1.3)) < 1e-9)
    }
    #expect(shifted.brightness(atSeconds: 0) != plain.brightness(atSeconds: 0))
  }

  @Test func fixedAndSteadyAlternatingLightsNeverDim() throws {
    for text in ["F W", "F R", "Alt WR 10s", "Alt W 5s, R 3s"] {
      let schedule = BlinkSchedule(try LightCharacteristic.parse(text), phaseOffsetSeconds: 0.4)
      for tenth in -50...150 {
        #expect(schedule.brightness(atSeconds: Double(tenth) / 10) == 1, "\(text)")
      }
    }
  }

  @Test func alternatingLightsChangeColour() throws {
    let steady = BlinkSchedule(try LightCharacteristic.parse("Alt WR 10s"))
    #expect(steady.color(atSeconds: 2.5) == .white)
    #expect(steady.color(atSeconds: 7.5) == .red)
    #expect(steady.color(atSeconds: 12.5) == .white)
    #expect(steady.color(atSeconds: -2.5) == .red)
    #expect(steady.color(atSeconds: 4.99) == .white)
    #expect(steady.color(atSeconds: 5.01) == .red)
  }

  @Test func darknessTakesTheColourItFadesFromThenTheOneItGlowsInto() throws {
    // Al Fl WR 10s: white flash 0…1 s, dark 1…5 s, red flash 5…6 s, dark 6…10 s.
    let schedule = BlinkSchedule(try LightCharacteristic.parse("Al Fl WR 10s"))
    let expected: [(Double, LightColor)] = [
      (0.5, .white), (1.02, .white), (2.9, .white), (3.1, .red), (4.98, .red), (5.5, .red),
      (6.02, .red), (7.9, .red), (8.1, .white), (9.98, .white),
    ]
    for (time, color) in expected {
      #expect(schedule.color(atSeconds: time) == color, "at \(time) s")
    }
    let plain = BlinkSchedule(try LightCharacteristic.parse("Fl G 4s"))
    #expect([0.25, 1, 3, 3.9].allSatisfy { plain.color(atSeconds: $0) == .green })
  }

  @Test func occultingLightSwitchesAcrossThePeriodEnd() throws {
    // Oc W 4s: light 0…3 s, dark 3…4 s; the rise to light straddles 4 s ≡ 0 s.
    let schedule = BlinkSchedule(try LightCharacteristic.parse("Oc W 4s"))
    #expect(abs(schedule.brightness(atSeconds: 0) - 0.5) < 1e-9)
    #expect(schedule.brightness(atSeconds: 3.97) < 0.5)
    #expect(schedule.brightness(atSeconds: 0.03) > 0.5)
    #expect(
      abs(schedule.brightness(atSeconds: -0.03) - schedule.brightness(atSeconds: 3.97)) < 1e-9)
  }

  @Test func badInputsGiveSafeValues() throws {
    let schedule = BlinkSchedule(
      try LightCharacteristic.parse("Fl W 4s"), phaseOffsetSeconds: .infinity, rampSeconds: -1)
    #expect(schedule.phaseOffsetSeconds == 0)
    #expect(schedule.rampSeconds == 0)
    #expect(schedule.brightness(atSeconds: .nan) == 0)
    #expect(schedule.brightness(atSeconds: .infinity) == 0)
    #expect(schedule.color(atSeconds: .nan) == .white)
    #expect(schedule.brightness(atSeconds: 1e12 + 0.25) == 1)
  }

  /// The largest change of brightness between samples `step` apart over `seconds`.
  private static func largestStep(_ schedule: BlinkSchedule, seconds: Double, step: Double)
    -> Double
  {
    var largest = 0.0
    var previous = schedule.brightness(atSeconds: -step)
    var time = 0.0
    while time < seconds {
      let level = schedule.brightness(atSeconds: time)
      largest = max(largest, abs(level - previous))
      previous = level
      time += step
    }
    return largest
  }
}
