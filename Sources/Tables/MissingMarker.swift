/// The spellings of "no value" in uploaded tables.
enum MissingMarker {
  /// Empty, `NA`, `N/A`, `NaN`, `null`, `None`, `-` (any case, surrounding spaces ignored).
  static func isMissing(_ text: Substring) -> Bool {
    switch text.count {
    case 0: return true
    case 1: return text == "-"
    case 2, 3, 4:
      switch text.lowercased() {
      case "na", "n/a", "nan", "null", "none", "--": return true
      default: return false
      }
    default: return false
    }
  }
}
