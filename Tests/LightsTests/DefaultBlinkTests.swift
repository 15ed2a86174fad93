import Lights
import Testing

@Suite struct DefaultBlinkTests {
  @Test func defaultBlinkIsAWhiteFlashEveryFourSeconds() throws {
    #expect(LightCharacteristic.defaultBlink == (try LightCharacteristic.parse("Fl W 4s")))
  }

  /// The first outputs of the reference SplitMix64 (Vigna's `splitmix64.c`) for seed 0, so the
  /// offsets are pinned on every platform and release.
  @Test func phaseOffsetsFollowTheSplitMix64Stream() {
    let light = LightCharacteristic.defaultBlink
    let reference: [UInt64] = [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F]
    for (index, bits) in reference.enumerated() {
      let expected = Double(bits >> 11) * 0x1p-53 * light.periodSeconds
      #expect(light.phaseOffsetSeconds(seed: 0, index: index) == expected)
    }
    // Seed 42, index 0: 0xBDD732262FEB6E95.
    let seeded = Double(UInt64(0xBDD7_3226_2FEB_6E95) >> 11) * 0x1p-53 * light.periodSeconds
    #expect(light.phaseOffsetSeconds(seed: 42, index: 0) == seeded)
  }

  @Test func differentLightsGetDifferentSpreadPhases() {
    let light = LightCharacteristic.defaultBlink
    let offsets = (0..<1000).map { light.phaseOffsetSeconds(seed: 7, index: $0) }
    #expect(Set(offsets).count == offsets.count)
    #expect(offsets.allSatisfy { $0 >= 0 && $0 < light.periodSeconds })
    // Every quarter of the period gets about a quarter of the lights.
    var quarters = [0, 0, 0, 0]
    for offset in offsets { quarters[min(3, Int(offset / light.periodSeconds * 4))] += 1 }
    #expect(quarters.allSatisfy { (200...300).contains($0) }, "\(quarters)")
    let otherSeed = (0..<1000).map { light.phaseOffsetSeconds(seed: 8, index: $0) }
    #expect(zip(offsets, otherSeed).filter { $0 == $1 }.isEmpty)
  }

  @Test func offsetsScaleWithThePeriod() throws {
    let slow = try LightCharacteristic.parse("Fl W 12s")
    let fast = LightCharacteristic.defaultBlink
    for index in 0..<20 {
      let ratio =
        slow.phaseOffsetSeconds(seed: 3, index: index)
        / fast.phaseOffsetSeconds(seed: 3, index: index)
      #expect(abs(ratio - 3) < 1e-9)
    }
  }

  @Test func listSchedulesUseTheDefaultOnlyWhenTheCharacteristicIsMissing() throws {
    let known = try LightCharacteristic.parse("Iso G 6s")
    let missing = BlinkSchedule(nil, seed: 11, index: 5)
    #expect(missing.characteristic == .defaultBlink)
    #expect(
      missing.phaseOffsetSeconds
        == LightCharacteristic.defaultBlink.phaseOffsetSeconds(seed: 11, index: 5))
    let listed = BlinkSchedule(known, seed: 11, index: 5)
    #expect(listed.characteristic == known)
    #expect(listed.phaseOffsetSeconds == known.phaseOffsetSeconds(seed: 11, index: 5))
    #expect(listed.rampSeconds == BlinkSchedule.defaultRampSeconds)
    // Neighbouring default lights blink at different moments.
    let neighbour = BlinkSchedule(nil, seed: 11, index: 6)
    let times = (0..<400).map { Double($0) / 100 }
    #expect(
      times.contains { missing.brightness(atSeconds: $0) != neighbour.brightness(atSeconds: $0) })
  }
}
