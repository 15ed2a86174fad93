/// The brightness and colour of one light over time: its characteristic shifted by a phase
/// offset, with short ramps where it switches on and off so that it glows up and down.
///
/// Everything that does not depend on the time is worked out in the initializer;
/// ``brightness(atSeconds:)`` and ``color(atSeconds:)`` then cost a remainder and a binary
/// search over the period's few intervals, for per-frame use over many lights.
///
/// ```swift
/// let lights = characteristics.enumerated().map { index, characteristic in
///   BlinkSchedule(characteristic, seed: 7, index: index)  // nil → LightCharacteristic.defaultBlink
/// }
/// let level = lights[0].brightness(atSeconds: frameSeconds)   // 0...1
/// ```
///
/// ### Ramps
///
/// Each switch between light and darkness becomes a smoothstep ramp of ``rampSeconds`` centred
/// on the switch (brightness 0.5 at the switch itself). A ramp is shortened to the length of
/// the shorter interval beside it, so two ramps never overlap and every interval still reaches
/// full light or full darkness at its middle. Where two lit
/// intervals meet (an alternating light changing colour, a fixed light across its period) the
/// light stays at 1.
///
/// ### Loops
///
/// Given a `loopSeconds`, the schedule repeats exactly every `loopSeconds`, so that an
/// animation of that length loops without a jump: the period is stretched or shrunk to the
/// nearest whole fraction of the loop (``cycles(periodSeconds:loopSeconds:)`` periods per
/// loop), every interval in proportion. A period that already divides the loop is kept as
/// it is, so `Fl W 4s` in a 12 s loop blinks exactly every 4 s.
public struct BlinkSchedule: Sendable, Hashable {
  /// The rhythm followed.
  public let characteristic: LightCharacteristic
  /// Seconds added to the time before looking up the characteristic's period.
  public let phaseOffsetSeconds: Double
  /// The length of a switch between light and darkness, in seconds (0 switches hard).
  public let rampSeconds: Double
  /// The length after which the schedule repeats exactly, or `nil` to follow the period as
  /// written.
  public let loopSeconds: Double?
  /// How many periods fit in one loop (1 without a loop).
  public let cyclesPerLoop: Int

  /// The ramp used unless another is given: 0.15 s.
  public static let defaultRampSeconds = 0.15

  private let periodSeconds: Double
  /// Seconds of the characteristic per second of time: `cyclesPerLoop × period / loop`.
  private let timeScale: Double
  /// The brightness when it never changes (a fixed or steady alternating light).
  private let constantBrightness: Double?
  /// Maximal runs of light or darkness in one period: start, end, state, and the width of the
  /// ramp that opens the run (0 where the previous run has the same state).
  private let runStarts: [Double]
  private let runEnds: [Double]
  private let runIsLit: [Bool]
  private let openingRampSeconds: [Double]
  /// Per phase: its end and middle, and the colour shown before and after its middle (a dark
  /// phase takes the colour of the light before it, then of the light after it, for the ramps).
  private let phaseEnds: [Double]
  private let phaseMiddles: [Double]
  private let colorsBeforeMiddle: [LightColor]
  private let colorsAfterMiddle: [LightColor]

  /// A schedule following `characteristic`, shifted by `phaseOffsetSeconds`.
  ///
  /// - Parameters:
  ///   - characteristic: The rhythm.
  ///   - phaseOffsetSeconds: Seconds added to the time (a non-finite value counts as 0).
  ///   - rampSeconds: The length of each switch between light and darkness; a negative or
  ///     non-finite value counts as 0.
  ///   - loopSeconds: When given (positive and finite), the schedule repeats exactly every
  ///     `loopSeconds`: its period becomes `loopSeconds / cyclesPerLoop`.
  public init(
    _ characteristic: LightCharacteristic, phaseOffsetSeconds: Double = 0,
    rampSeconds: Double = defaultRampSeconds, loopSeconds: Double? = nil
  ) {
    self.characteristic = characteristic
    self.phaseOffsetSeconds = phaseOffsetSeconds.isFinite ? phaseOffsetSeconds : 0
    let ramp = rampSeconds.isFinite && rampSeconds > 0 ? rampSeconds : 0
    self.rampSeconds = ramp

    let phases = characteristic.phases
    var ends: [Double] = []
    var middles: [Double] = []
    var time = 0.0
    for phase in phases {
      middles.append(time + phase.durationSeconds / 2)
      time += phase.durationSeconds
      ends.append(time)
    }
    periodSeconds = time > 0 ? time : 1
    if let loopSeconds, loopSeconds.isFinite, loopSeconds > 0 {
      self.loopSeconds = loopSeconds
      cyclesPerLoop = Self.cycles(periodSeconds: periodSeconds, loopSeconds: loopSeconds)
      timeScale = Double(cyclesPerLoop) * periodSeconds / loopSeconds
    } else {
      self.loopSeconds = nil
      cyclesPerLoop = 1
      timeScale = 1
    }
    phaseEnds = ends
    phaseMiddles = middles
    (colorsBeforeMiddle, colorsAfterMiddle) = Self.colors(
      of: phases, fallback: characteristic.colors.first ?? .white)

    // Runs: consecutive phases with the same state merged.
    var starts: [Double] = []
    var runEnds: [Double] = []
    var lit: [Bool] = []
    var start = 0.0
    for (index, phase) in phases.enumerated() {
      if let last = lit.last, last == phase.isLit {
        runEnds[runEnds.count - 1] = ends[index]
      } else {
        starts.append(start)
        runEnds.append(ends[index])
        lit.append(phase.isLit)
      }
      start = ends[index]
    }
    runStarts = starts
    self.runEnds = runEnds
    runIsLit = lit
    constantBrightness = lit.count <= 1 ? ((lit.first ?? false) ? 1 : 0) : nil

    // Where the first and last runs share a state they are one run across the period's end.
    let count = lit.count
    let wrapsAround = count > 1 && lit[0] == lit[count - 1]
    func runSeconds(_ index: Int) -> Double {
      var seconds = runEnds[index] - starts[index]
      if wrapsAround, index == 0 { seconds += runEnds[count - 1] - starts[count - 1] }
      if wrapsAround, index == count - 1 { seconds += runEnds[0] - starts[0] }
      return seconds
    }
    openingRampSeconds = (0..<count).map { index in
      let previous = index == 0 ? count - 1 : index - 1
      guard lit[previous] != lit[index] else { return 0 }
      return min(ramp, runSeconds(previous), runSeconds(index))
    }
  }

  /// A schedule for the light at `index` of a list: its own characteristic, or
  /// ``LightCharacteristic/defaultBlink`` when it has none, with a phase offset from `seed` and
  /// `index` (``LightCharacteristic/phaseOffsetSeconds(seed:index:)``).
  ///
  /// - Parameters:
  ///   - characteristic: The light's characteristic, or `nil` when unknown.
  ///   - seed: Chooses the arrangement of phases; keep it fixed for one map.
  ///   - index: The light's position in its list.
  ///   - rampSeconds: The length of each switch between light and darkness.
  ///   - loopSeconds: When given, the schedule repeats exactly every `loopSeconds`.
  public init(
    _ characteristic: LightCharacteristic?, seed: UInt64, index: Int,
    rampSeconds: Double = defaultRampSeconds, loopSeconds: Double? = nil
  ) {
    let rhythm = characteristic ?? .defaultBlink
    self.init(
      rhythm, phaseOffsetSeconds: rhythm.phaseOffsetSeconds(seed: seed, index: index),
      rampSeconds: rampSeconds, loopSeconds: loopSeconds)
  }

  /// How many periods of `periodSeconds` a loop of `loopSeconds` holds once the period is
  /// fitted to it: the whole number nearest `loopSeconds / periodSeconds` by ratio (so a
  /// period is never stretched or shrunk by more than needed), at least 1.
  ///
  /// `Fl W 4s` fits 3 times in 12 s (unchanged), `Fl W 5s` twice (6 s each), `Fl W 30s`
  /// once (12 s).
  public static func cycles(periodSeconds: Double, loopSeconds: Double) -> Int {
    guard periodSeconds > 0, loopSeconds > 0, periodSeconds.isFinite, loopSeconds.isFinite
    else { return 1 }
    let ratio = min(loopSeconds / periodSeconds, 1e6)
    let fewer = max(1, ratio.rounded(.down))
    let more = max(1, ratio.rounded(.up))
    // Stretching by ratio / fewer against shrinking by more / ratio: the smaller change wins.
    return Int(ratio / fewer <= more / ratio ? fewer : more)
  }

  // MARK: - Lookup

  /// How bright the light is at `seconds`, from 0 (dark) to 1 (fully lit).
  ///
  /// - Parameter seconds: The time; any finite value (the schedule repeats forever both ways).
  /// - Returns: 1 in the middle of a long interval of light, 0 in the middle of a long
  ///   darkness, a smooth ramp around each switch; 0 for a non-finite time.
  public func brightness(atSeconds seconds: Double) -> Double {
    if let constantBrightness { return constantBrightness }
    guard let time = position(atSeconds: seconds) else { return 0 }
    let run = Self.index(containing: time, ends: runEnds)
    let opening = openingRampSeconds[run]
    if opening > 0, time < runStarts[run] + opening / 2 {
      let level = Self.smoothstep((time - runStarts[run]) / opening + 0.5)
      return runIsLit[run] ? level : 1 - level
    }
    let next = run + 1 == runEnds.count ? 0 : run + 1
    let closing = openingRampSeconds[next]
    if closing > 0, time > runEnds[run] - closing / 2 {
      let level = Self.smoothstep((time - runEnds[run]) / closing + 0.5)
      return runIsLit[next] ? level : 1 - level
    }
    return runIsLit[run] ? 1 : 0
  }

  /// The colour of the light at `seconds`.
  ///
  /// While the light is dark this is the colour it faded from (first half of the darkness) or
  /// will glow up in (second half), so that brightness times colour ramps in the right colour.
  ///
  /// - Parameter seconds: The time; any finite value.
  /// - Returns: The colour shown, changing at each step of an alternating light.
  public func color(atSeconds seconds: Double) -> LightColor {
    guard let time = position(atSeconds: seconds), !phaseEnds.isEmpty else {
      return colorsBeforeMiddle.first ?? .white
    }
    let phase = Self.index(containing: time, ends: phaseEnds)
    return time < phaseMiddles[phase] ? colorsBeforeMiddle[phase] : colorsAfterMiddle[phase]
  }

  // MARK: - Precomputation helpers

  /// The time within the period, in `0..<periodSeconds`, or `nil` for a non-finite time.
  ///
  /// With a loop the time is first taken modulo the loop, so that the loop's end is exactly
  /// its start, then scaled to the characteristic's own seconds.
  private func position(atSeconds seconds: Double) -> Double? {
    var seconds = seconds
    if let loopSeconds {
      seconds = seconds.truncatingRemainder(dividingBy: loopSeconds)
      if seconds < 0 { seconds += loopSeconds }
      seconds *= timeScale
    }
    var time = (seconds + phaseOffsetSeconds).truncatingRemainder(dividingBy: periodSeconds)
    guard time.isFinite else { return nil }
    if time < 0 { time += periodSeconds }
    return time < periodSeconds ? time : 0
  }

  /// The first index whose end lies after `time` (the last one if none does).
  private static func index(containing time: Double, ends: [Double]) -> Int {
    var low = 0
    var high = ends.count - 1
    while low < high {
      let middle = (low + high) / 2
      if ends[middle] > time { high = middle } else { low = middle + 1 }
    }
    return low
  }

  private static func smoothstep(_ x: Double) -> Double {
    let t = min(max(x, 0), 1)
    return t * t * (3 - 2 * t)
  }

  /// For each phase, the colour before and after its middle: its own when lit, else the
  /// nearest lit phase's before (looking back) and after (looking ahead), around the period.
  private static func colors(of phases: [LightPhase], fallback: LightColor)
    -> (before: [LightColor], after: [LightColor])
  {
    let count = phases.count
    func nearestColor(from index: Int, step: Int) -> LightColor {
      var probe = index
      for _ in 0..<count {
        probe = (probe + step + count) % count
        if let color = phases[probe].color { return color }
      }
      return fallback
    }
    var before: [LightColor] = []
    var after: [LightColor] = []
    for (index, phase) in phases.enumerated() {
      before.append(phase.color ?? nearestColor(from: index, step: -1))
      after.append(phase.color ?? nearestColor(from: index, step: 1))
    }
    return (before, after)
  }
}
