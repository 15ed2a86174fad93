// MARK: - The lengths inside a period (see the timing rules on LightCharacteristic)

extension LightCharacteristic {
  /// One flash of `Fl` when the period is under ``longSingleFlashFromSeconds``.
  static let shortSingleFlashSeconds = 0.5
  /// One flash of `Fl` from a period of ``longSingleFlashFromSeconds`` on.
  static let longSingleFlashSeconds = 1.0
  /// The period from which a single `Fl` flash lasts ``longSingleFlashSeconds``.
  static let longSingleFlashFromSeconds = 5.0
  /// A flash in an `Fl(n)` group, and the darkness between two of them.
  static let groupFlashSeconds = 0.5
  static let groupFlashGapSeconds = 1.0
  static let longFlashSeconds = 2.0
  static let quickFlashSeconds = 0.3
  static let quickGapSeconds = 0.7
  static let veryQuickFlashSeconds = 0.2
  static let veryQuickGapSeconds = 0.3
  /// An eclipse of `Oc`, and the light between two eclipses of a group.
  static let eclipseSeconds = 1.0
  static let eclipseGapSeconds = 1.0
  static let morseDotSeconds = 0.5
  static let morseDashSeconds = 1.5
  static let morseElementGapSeconds = 0.5
  static let morseLetterGapSeconds = 1.5
  /// How long each colour of a steady alternating light (`Al WR`) shows without a period.
  static let defaultAlternationSeconds = 5.0

  /// The period of a rhythm written without one.
  static func defaultPeriodSeconds(of rhythm: LightRhythm, colorCount: Int) -> Double {
    let base: Double =
      switch rhythm {
      case .fixed: colorCount > 1 ? defaultAlternationSeconds : 1
      case .quick: 1
      case .veryQuick: 0.5
      case .flashing, .occulting: 4
      case .isophase: 6
      case .morse: 8
      case .longFlashing, .interruptedQuick: 10
      }
    var cycle = base
    // IQ's flashes scale with its period, so only fixed-length groups stretch it.
    if rhythm != .interruptedQuick, let marks = marks(of: rhythm, cycleSeconds: base) {
      let span = marks.seconds.reduce(0, +)
      cycle = max(base, (4 * span).rounded(.up) / 2)
    }
    return cycle * Double(colorCount)
  }

  /// The phases of one period: each colour in turn gets an equal part that shows the rhythm.
  static func phases(of rhythm: LightRhythm, colors: [LightColor], periodSeconds: Double)
    throws(LightCharacteristicError) -> [LightPhase]
  {
    let cycle = periodSeconds / Double(colors.count)
    var steps: [(isLit: Bool, seconds: Double)]
    switch rhythm {
    case .fixed: steps = [(true, cycle)]
    case .isophase: steps = [(true, cycle / 2), (false, cycle / 2)]
    default:
      guard let marks = marks(of: rhythm, cycleSeconds: cycle) else { return [] }
      let span = marks.seconds.reduce(0, +)
      let rest = cycle - span
      guard rest > 1e-9 else {
        throw .periodTooShort(seconds: periodSeconds, minimumSeconds: span * Double(colors.count))
      }
      steps = marks.seconds.enumerated().map { index, seconds in
        (isLit: (index % 2 == 0) == marks.areLit, seconds: seconds)
      }
      // The period starts with light: darkness closes a flash group, light opens an eclipse one.
      if marks.areLit { steps.append((false, rest)) } else { steps.insert((true, rest), at: 0) }
    }
    return colors.flatMap { color in
      steps.map { LightPhase(durationSeconds: $0.seconds, color: $0.isLit ? color : nil) }
    }
  }

  /// The flashes (or eclipses) of one cycle and the gaps between them, starting and ending with
  /// a mark; `nil` for `F` and `Iso`, which have no marks.
  private static func marks(of rhythm: LightRhythm, cycleSeconds: Double)
    -> (seconds: [Double], areLit: Bool)?
  {
    switch rhythm {
    case .fixed, .isophase: return nil
    case .flashing(let groups) where groups.isEmpty:
      let flash =
        cycleSeconds < longSingleFlashFromSeconds ? shortSingleFlashSeconds : longSingleFlashSeconds
      return ([flash], true)
    case .flashing(let groups):
      return (grouped(groups, mark: groupFlashSeconds, gap: groupFlashGapSeconds), true)
    case .longFlashing:
      return ([longFlashSeconds], true)
    case .quick(let groups):
      return (grouped(groups, mark: quickFlashSeconds, gap: quickGapSeconds), true)
    case .veryQuick(let groups):
      return (grouped(groups, mark: veryQuickFlashSeconds, gap: veryQuickGapSeconds), true)
    case .interruptedQuick:
      let flashes = max(1, Int((cycleSeconds * 2 / 3).rounded(.down)))
      return (grouped([flashes], mark: quickFlashSeconds, gap: quickGapSeconds), true)
    case .occulting(let groups):
      return (grouped(groups, mark: eclipseSeconds, gap: eclipseGapSeconds), false)
    case .morse(let code):
      return (morse(code), true)
    }
  }

  /// Marks and gaps for groups of `groups` marks (one mark when empty); groups are twice the
  /// gap apart.
  private static func grouped(_ groups: [Int], mark: Double, gap: Double) -> [Double] {
    var seconds: [Double] = []
    for (groupIndex, count) in (groups.isEmpty ? [1] : groups).enumerated() {
      if groupIndex > 0 { seconds.append(2 * gap) }
      for markIndex in 0..<count {
        if markIndex > 0 { seconds.append(gap) }
        seconds.append(mark)
      }
    }
    return seconds
  }

  private static func morse(_ code: String) -> [Double] {
    var seconds: [Double] = []
    for character in code {
      guard let elements = MorseCode.elements(of: character) else { continue }
      if !seconds.isEmpty { seconds.append(morseLetterGapSeconds) }
      for (index, element) in elements.enumerated() {
        if index > 0 { seconds.append(morseElementGapSeconds) }
        seconds.append(element == "-" ? morseDashSeconds : morseDotSeconds)
      }
    }
    return seconds
  }
}
