public import LumenCore

/// Why a light characteristic could not be read or built.
///
/// Each case keeps the offending text or number, and ``description`` says what was wrong in a
/// sentence fit for a log line.
public enum LightCharacteristicError: LumenError, Hashable, Sendable {
  /// A characteristic that cannot be read is bad input.
  public var category: ErrorCategory { .badInput }

  /// The text is empty or only spaces.
  case empty
  /// The text does not start with a rhythm class (`F`, `Fl`, `LFl`, `Q`, `VQ`, `IQ`, `Iso`,
  /// `Oc`, `Mo`, optionally after `Al`/`Alt`).
  case unknownRhythm(String)
  /// The parenthesised group is not 1 to ``LightCharacteristic/maximumGroupCount`` counts
  /// joined by `+` (`Fl(0)`, `Fl(2+)`, `Fl(2`).
  case invalidGroup(String)
  /// The rhythm (given by its abbreviation) takes no group (`Iso(2)`).
  case groupNotAllowed(rhythm: String)
  /// `Mo` without letters, or with characters that have no Morse code.
  case invalidMorse(String)
  /// The period is not a positive number of seconds (`-3s`, `0s`).
  case invalidPeriod(String)
  /// The period is longer than ``LightCharacteristic/maximumPeriodSeconds``.
  case periodOutOfRange(seconds: Double)
  /// The period is too short to hold the flashes or eclipses of the rhythm.
  case periodTooShort(seconds: Double, minimumSeconds: Double)
  /// An alternating light names fewer than two colours.
  case alternatingNeedsTwoColors
  /// Text is left over that is neither a colour nor a period.
  case unexpectedText(String)

  public var description: String {
    switch self {
    case .empty: "the light characteristic is empty"
    case .unknownRhythm(let word):
      "unknown rhythm “\(word)” (expected F, Fl, LFl, Q, VQ, IQ, Iso, Oc, Mo or Al)"
    case .invalidGroup(let text):
      "invalid group “\(text)”: expected counts from 1 to "
        + "\(LightCharacteristic.maximumGroupCount) joined by +, in parentheses"
    case .groupNotAllowed(let rhythm): "\(rhythm) lights have no flash groups"
    case .invalidMorse(let text):
      text.isEmpty
        ? "Mo needs Morse letters in parentheses, as in Mo(A)"
        : "“\(text)” has no Morse code (letters A–Z and digits only)"
    case .invalidPeriod(let text): "the period “\(text)” is not a positive number of seconds"
    case .periodOutOfRange(let seconds):
      "the period \(seconds) s is longer than "
        + "\(Int(LightCharacteristic.maximumPeriodSeconds)) s"
    case .periodTooShort(let seconds, let minimumSeconds):
      "the period \(seconds) s is too short for this rhythm: it must be longer than "
        + "\(minimumSeconds) s"
    case .alternatingNeedsTwoColors: "an alternating light needs at least two colours"
    case .unexpectedText(let text): "unexpected “\(text)”"
    }
  }
}
