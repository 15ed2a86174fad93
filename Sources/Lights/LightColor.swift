/// A colour a light shows, with the abbreviation used on charts and in the Light List.
public enum LightColor: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// `W`.
  case white = "W"
  /// `R`.
  case red = "R"
  /// `G`.
  case green = "G"
  /// `Y`.
  case yellow = "Y"
  /// `Bu`.
  case blue = "Bu"

  /// The chart abbreviation: `W`, `R`, `G`, `Y` or `Bu`.
  public var description: String { rawValue }

  /// The colours of a word of colour letters such as `WR`, `wrg` or `Bu`, in order.
  ///
  /// - Returns: `nil` when the word is empty or holds anything but colour letters.
  static func colors(inWord word: Substring) -> [LightColor]? {
    var colors: [LightColor] = []
    var rest = word.uppercased()[...]
    while let letter = rest.first {
      if rest.hasPrefix("BU") {
        colors.append(.blue)
        rest = rest.dropFirst(2)
        continue
      }
      switch letter {
      case "W": colors.append(.white)
      case "R": colors.append(.red)
      case "G": colors.append(.green)
      case "Y": colors.append(.yellow)
      default: return nil
      }
      rest = rest.dropFirst()
    }
    return colors.isEmpty ? nil : colors
  }
}
