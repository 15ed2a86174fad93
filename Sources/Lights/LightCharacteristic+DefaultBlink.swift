internal import LumenCore

extension LightCharacteristic {
  /// The rhythm given to a light whose characteristic is unknown: `Fl W 4s`, the most common
  /// characteristic of minor aids in the Light List (0.5 s of white light every 4 s).
  public static let defaultBlink = LightCharacteristic(
    rhythm: .flashing(groups: []), colors: [.white], isAlternating: false, periodSeconds: 4,
    isPeriodStated: true,
    phases: [
      LightPhase(durationSeconds: 0.5, color: .white), LightPhase(durationSeconds: 3.5, color: nil),
    ])

  /// A phase offset in `0..<periodSeconds` for the light at `index`, the same on every run and
  /// platform, so that lights sharing a rhythm do not blink in step.
  ///
  /// The offset is the `index`-th value of a SplitMix64 stream seeded with `seed`, as a fraction
  /// of the period (top 53 bits): `unit(splitmix64(seed &+ (index + 1) &* 0x9E3779B97F4A7C15))`.
  ///
  /// - Parameters:
  ///   - seed: Chooses the whole arrangement; keep it fixed for one map.
  ///   - index: The light's position in its list.
  /// - Returns: Seconds to add to the time before looking up the schedule.
  public func phaseOffsetSeconds(seed: UInt64, index: Int) -> Double {
    SplitMix64.unit(SplitMix64.value(seed: seed, index: index)) * periodSeconds
  }
}
