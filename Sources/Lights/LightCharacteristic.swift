/// A light's characteristic (`Fl(2) W 15s`, `Iso G 6s`, `Alt WR 10s`, …) and the on/off
/// intervals of one period that it describes.
///
/// ```swift
/// let light = try LightCharacteristic.parse("Fl(2) W 15s")
/// light.phases.map(\.durationSeconds)  // [0.5, 1.0, 0.5, 13.0]
/// let blink = BlinkSchedule(light, phaseOffsetSeconds: 3)
/// blink.brightness(atSeconds: 12.25)   // 1.0: the middle of the first flash
/// ```
///
/// ### Timing rules
///
/// Charts and the Light List give only the rhythm class and the period; the lengths inside the
/// period follow the US Light List data for Lake Michigan (`../shared/mapdata`):
///
/// - `Fl`: one flash of 0.5 s when the period is under 5 s, of 1 s from 5 s on
///   (`Fl R 4s` → 0.5 on, 3.5 off; `Fl W 6s` → 1 on, 5 off).
/// - `Fl(n)`, `Fl(n+m)`: flashes of 0.5 s, 1 s apart (dark) within a group, 2 s between groups;
///   the rest of the period is dark (`Fl(2) W 15s` → 0.5, 1, 0.5, 13).
/// - `LFl`: one flash of 2 s.
/// - `Q`: flashes of 0.3 s in a 1 s cycle (0.7 s dark); `VQ`: 0.2 s in a 0.5 s cycle (0.3 s
///   dark). `Q(n)`, `VQ(n)`: n such flashes, then dark until the period ends.
/// - `IQ`: quick flashes for two thirds of the period (whole 1 s cycles, at least one), then
///   dark.
/// - `Iso`: light and dark, half the period each.
/// - `Oc`: light, then a 1 s eclipse at the end of the period (`Oc W 4s` → 3 on, 1 off).
///   `Oc(n)`: n eclipses of 1 s, 1 s of light between them, 2 s between groups.
/// - `Mo(…)`: dots of 0.5 s and dashes of 1.5 s, 0.5 s dark between them, 1.5 s dark between
///   letters, and dark until the period ends.
/// - `F`: light all the time.
/// - `Al`/`Alt`: the period is split equally between the colours, in order; each part shows
///   the rhythm in its colour (`Alt WR 10s` → white 5 s, red 5 s, never dark;
///   `Al Fl WR 10s` → white flash, dark, red flash, dark). `Alt W 5s, R 3s` gives each colour
///   its own time.
///
/// A period always starts with light. Without colour letters a light is white, as on charts.
/// A light with several colours that is not alternating is a sector light: ``phases`` show its
/// first colour.
///
/// Without a period, `F` and `Q` use 1 s, `VQ` 0.5 s, `Fl` and `Oc` 4 s, `Iso` 6 s, `Mo` 8 s,
/// `LFl` and `IQ` 10 s; a group longer than half of that period stretches it to twice the
/// group, rounded up to 0.5 s (`Fl(3)` → 7 s). An alternating light uses that period (5 s for
/// `Al` alone) for each colour.
public struct LightCharacteristic: Sendable, Hashable {
  /// The rhythm class and its groups.
  public let rhythm: LightRhythm
  /// The colours named, in order (at least one).
  public let colors: [LightColor]
  /// Whether the light shows its colours in turn (`Al`/`Alt`).
  public let isAlternating: Bool
  /// The length of one period, in seconds.
  public let periodSeconds: Double
  /// Whether the period was given, rather than the rhythm's default.
  public let isPeriodStated: Bool
  /// One period as consecutive intervals, starting with light; their durations add up to
  /// ``periodSeconds``.
  public let phases: [LightPhase]

  /// The longest period accepted, in seconds (real lights stay well under a minute).
  public static let maximumPeriodSeconds: Double = 120
  /// The largest count accepted in one group (`Q(9)` is the largest in use).
  public static let maximumGroupCount = 20

  /// A characteristic built from its parts, with phases by the timing rules above.
  ///
  /// - Parameters:
  ///   - rhythm: The rhythm class.
  ///   - colors: The colours; empty means white.
  ///   - periodSeconds: The period, or `nil` for the rhythm's default.
  ///   - isAlternating: Whether the colours alternate.
  /// - Throws: ``LightCharacteristicError`` when a group, Morse text or the period is invalid,
  ///   the period cannot hold the rhythm, or an alternating light has fewer than two colours.
  public init(
    rhythm: LightRhythm, colors: [LightColor] = [.white], periodSeconds: Double? = nil,
    isAlternating: Bool = false
  ) throws(LightCharacteristicError) {
    let colors = colors.isEmpty ? [LightColor.white] : colors
    let rhythm = rhythm.normalized
    try Self.validate(rhythm)
    if isAlternating, Set(colors).count < 2 { throw .alternatingNeedsTwoColors }
    let shownColors = isAlternating ? colors : Array(colors.prefix(1))
    let period: Double
    if let periodSeconds {
      try Self.validate(periodSeconds: periodSeconds)
      period = periodSeconds
    } else {
      period = Self.defaultPeriodSeconds(of: rhythm, colorCount: shownColors.count)
    }
    self.init(
      rhythm: rhythm, colors: colors, isAlternating: isAlternating, periodSeconds: period,
      isPeriodStated: periodSeconds != nil,
      phases: try Self.phases(of: rhythm, colors: shownColors, periodSeconds: period))
  }

  /// A steady alternating light that shows each colour for its own time (`Alt W 5s, R 3s`).
  ///
  /// - Throws: ``LightCharacteristicError`` when a time is not positive, the total is too
  ///   long, or fewer than two colours are named.
  init(alternating segments: [(color: LightColor, seconds: Double)])
    throws(LightCharacteristicError)
  {
    if Set(segments.map(\.color)).count < 2 { throw .alternatingNeedsTwoColors }
    for segment in segments {
      guard segment.seconds.isFinite, segment.seconds > 0 else {
        throw .invalidPeriod("\(segment.seconds)s")
      }
    }
    let period = segments.reduce(0) { $0 + $1.seconds }
    try Self.validate(periodSeconds: period)
    self.init(
      rhythm: .fixed, colors: segments.map(\.color), isAlternating: true, periodSeconds: period,
      isPeriodStated: true,
      phases: segments.map { LightPhase(durationSeconds: $0.seconds, color: $0.color) })
  }

  /// Stores already-checked parts.
  init(
    rhythm: LightRhythm, colors: [LightColor], isAlternating: Bool, periodSeconds: Double,
    isPeriodStated: Bool, phases: [LightPhase]
  ) {
    self.rhythm = rhythm
    self.colors = colors
    self.isAlternating = isAlternating
    self.periodSeconds = periodSeconds
    self.isPeriodStated = isPeriodStated
    self.phases = phases
  }

  // MARK: - Validation

  private static func validate(_ rhythm: LightRhythm) throws(LightCharacteristicError) {
    if case .morse(let code) = rhythm {
      guard !code.isEmpty else { throw .invalidMorse("") }
      guard code.allSatisfy({ MorseCode.elements(of: $0) != nil }) else {
        throw .invalidMorse(code)
      }
    }
    let groups = rhythm.groups
    guard groups.allSatisfy({ (1...maximumGroupCount).contains($0) }) else {
      throw .invalidGroup(groups.map(String.init).joined(separator: "+"))
    }
  }

  private static func validate(periodSeconds: Double) throws(LightCharacteristicError) {
    guard periodSeconds.isFinite, periodSeconds > 0 else {
      throw .invalidPeriod("\(periodSeconds)s")
    }
    guard periodSeconds <= maximumPeriodSeconds else {
      throw .periodOutOfRange(seconds: periodSeconds)
    }
  }
}
