/// The rhythm class of a light: how its light and darkness follow each other in one period.
///
/// Group counts are written `Fl(2)` (one group of two flashes) or `Fl(2+1)` (a group of two,
/// then a group of one); a single flash or occultation has no groups (`[]`).
public enum LightRhythm: Sendable, Hashable {
  /// `F`: a steady light.
  case fixed
  /// `Fl`, `Fl(2)`, `Fl(2+1)`: flashes shorter than the darkness between them.
  case flashing(groups: [Int])
  /// `LFl`: one flash of 2 s or more per period.
  case longFlashing
  /// `Q`, `Q(3)`: about 60 flashes a minute.
  case quick(groups: [Int])
  /// `VQ`, `VQ(3)`: about 120 flashes a minute.
  case veryQuick(groups: [Int])
  /// `IQ`: quick flashes interrupted by a long eclipse.
  case interruptedQuick
  /// `Iso`: light and darkness of equal length.
  case isophase
  /// `Oc`, `Oc(2)`: eclipses shorter than the light between them.
  case occulting(groups: [Int])
  /// `Mo(A)`: flashes spelling Morse letters or digits (upper case).
  case morse(String)

  /// The abbreviation used on charts: `F`, `Fl`, `LFl`, `Q`, `VQ`, `IQ`, `Iso`, `Oc` or `Mo`.
  public var abbreviation: String {
    switch self {
    case .fixed: "F"
    case .flashing: "Fl"
    case .longFlashing: "LFl"
    case .quick: "Q"
    case .veryQuick: "VQ"
    case .interruptedQuick: "IQ"
    case .isophase: "Iso"
    case .occulting: "Oc"
    case .morse: "Mo"
    }
  }

  /// The group counts (`[2, 1]` for `Fl(2+1)`), or `[]` for rhythms without groups.
  public var groups: [Int] {
    switch self {
    case .flashing(let groups), .quick(let groups), .veryQuick(let groups),
      .occulting(let groups):
      groups
    case .fixed, .longFlashing, .interruptedQuick, .isophase, .morse: []
    }
  }
}

extension LightRhythm {
  /// The same rhythm with a lone group of one (`Fl(1)`) written as no group (`Fl`).
  var normalized: LightRhythm {
    guard groups == [1] else { return self }
    switch self {
    case .flashing: return .flashing(groups: [])
    case .quick: return .quick(groups: [])
    case .veryQuick: return .veryQuick(groups: [])
    case .occulting: return .occulting(groups: [])
    case .fixed, .longFlashing, .interruptedQuick, .isophase, .morse: return self
    }
  }
}
