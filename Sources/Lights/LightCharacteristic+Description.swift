extension LightCharacteristic: CustomStringConvertible {
  /// The characteristic in chart notation (`Fl(2) W 15s`, `Al WR 10s`, `Q W`), which
  /// ``parse(_:)`` reads back to an equal value.
  ///
  /// The period is left out when it was not stated. A steady alternating light whose colours
  /// show for different times is written `Al W 5s, R 3s`.
  public var description: String {
    let colorText = colors.map(\.rawValue).joined()
    if isAlternating, rhythm == .fixed, Set(phases.map(\.durationSeconds)).count > 1 {
      let parts = phases.compactMap { phase in
        phase.color.map { "\($0.rawValue) \(Self.secondsText(phase.durationSeconds))s" }
      }
      return "Al " + parts.joined(separator: ", ")
    }
    var words: [String] = []
    if isAlternating { words.append("Al") }
    if !(isAlternating && rhythm == .fixed) { words.append(rhythmText) }
    words.append(colorText)
    if isPeriodStated { words.append("\(Self.secondsText(periodSeconds))s") }
    return words.joined(separator: " ")
  }

  private var rhythmText: String {
    switch rhythm {
    case .morse(let code): return "Mo(\(code))"
    default:
      let groups = rhythm.groups
      let groupText =
        groups.isEmpty ? "" : "(" + groups.map(String.init).joined(separator: "+") + ")"
      return rhythm.abbreviation + groupText
    }
  }

  /// `4` for 4.0 and `2.5` for 2.5.
  private static func secondsText(_ seconds: Double) -> String {
    if seconds == seconds.rounded(), let whole = Int(exactly: seconds) { return String(whole) }
    return String(seconds)
  }
}
