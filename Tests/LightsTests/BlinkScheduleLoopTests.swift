import Lights
import Testing

@Suite struct BlinkScheduleLoopTests {
  static let rhythms = [
    "Fl W 4s", "Fl(2) R 6s", "Iso G 5s", "Fl W 2.5s", "Oc R 4s", "Fl R 10s", "Fl W 30s",
    "Al Fl WR 10s", "Q W", "VQ R", "Mo(A) W 8s", "LFl W 10s",
  ]
  /// The default length, odd lengths, and one shorter than most periods.
  static let loops = [12.0, 6, 7.3, 9.9, 1.5]

  @Test(arguments: rhythms, loops)
  func theLoopsEndIsItsStart(text: String, loop: Double) throws {
    let light = try LightCharacteristic.parse(text)
    for index in 0..<20 {
      let schedule = BlinkSchedule(light, seed: 1, index: index, loopSeconds: loop)
      #expect(schedule.brightness(atSeconds: loop) == schedule.brightness(atSeconds: 0))
      #expect(schedule.color(atSeconds: loop) == schedule.color(atSeconds: 0))
      // Around the end it changes as smoothly as anywhere (a jump would be a whole switch).
      let across = abs(
        schedule.brightness(atSeconds: loop - 1e-6) - schedule.brightness(atSeconds: loop + 1e-6))
      #expect(across < 0.01, "\(text) in \(loop) s, light \(index): \(across)")
    }
  }

  @Test func theDefaultBlinkKeepsItsPeriodInTheDefaultLoop() {
    let plain = BlinkSchedule(nil, seed: 3, index: 2)
    let looped = BlinkSchedule(nil, seed: 3, index: 2, loopSeconds: 12)
    #expect(looped.cyclesPerLoop == 3)
    for hundredth in 0..<1200 {
      let time = Double(hundredth) / 100
      #expect(abs(looped.brightness(atSeconds: time) - plain.brightness(atSeconds: time)) < 1e-9)
    }
  }

  @Test func periodsAreFittedToTheNearestWholeFractionOfTheLoop() {
    #expect(BlinkSchedule.cycles(periodSeconds: 4, loopSeconds: 12) == 3)
    #expect(BlinkSchedule.cycles(periodSeconds: 6, loopSeconds: 12) == 2)
    #expect(BlinkSchedule.cycles(periodSeconds: 2.5, loopSeconds: 12) == 5)
    #expect(BlinkSchedule.cycles(periodSeconds: 5, loopSeconds: 12) == 2)
    #expect(BlinkSchedule.cycles(periodSeconds: 10, loopSeconds: 12) == 1)
    #expect(BlinkSchedule.cycles(periodSeconds: 30, loopSeconds: 12) == 1)
    #expect(BlinkSchedule.cycles(periodSeconds: 4, loopSeconds: 6) == 2)  // 3 s: × 0.75 beats × 1.5
    #expect(BlinkSchedule.cycles(periodSeconds: 4, loopSeconds: 7) == 2)
    #expect(BlinkSchedule.cycles(periodSeconds: 0, loopSeconds: 12) == 1)
    #expect(BlinkSchedule.cycles(periodSeconds: 4, loopSeconds: .nan) == 1)
  }

  @Test func aFittedPeriodKeepsItsPattern() throws {
    // Fl W 5s in 12 s: two periods of 6 s, the 1 s flash becoming 1.2 s.
    let schedule = BlinkSchedule(try LightCharacteristic.parse("Fl W 5s"), loopSeconds: 12)
    #expect(schedule.cyclesPerLoop == 2)
    #expect(schedule.brightness(atSeconds: 0.6) == 1)
    #expect(schedule.brightness(atSeconds: 6.6) == 1)
    #expect(abs(schedule.brightness(atSeconds: 1.2) - 0.5) < 1e-9)
    #expect(schedule.brightness(atSeconds: 3) == 0)
  }

  @Test func badLoopsAreIgnored() throws {
    let light = try LightCharacteristic.parse("Fl(2) R 6s")
    for loop in [0, -3, Double.nan, .infinity] {
      let schedule = BlinkSchedule(light, loopSeconds: loop)
      #expect(schedule.loopSeconds == nil && schedule.cyclesPerLoop == 1)
      #expect(schedule == BlinkSchedule(light))
    }
  }
}
