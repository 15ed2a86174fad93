/// The spellings of "no value" in uploaded tables.
enum MissingMarker {
  /// Empty, `NA`, `N/A`, `NaN`, `null`, `None`, `-`, `--` (any case; the caller trims spaces).
  static func isMissing(_ text: Substring) -> Bool {
    let utf8 = text.utf8
    switch utf8.count {
    case 0: return true
    case 1: return utf8.first == UInt8(ascii: "-")
    case 2, 3, 4:
      // ASCII letters lowered by setting bit 5; anything else cannot match.
      var lowered: [UInt8] = []
      for byte in utf8 {
        guard byte < 0x80 else { return false }
        lowered.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
      }
      return markers.contains(lowered)
    default: return false
    }
  }

  private static let markers: Set<[UInt8]> = Set(
    ["na", "n/a", "nan", "null", "none", "--"].map { Array($0.utf8) })
}
