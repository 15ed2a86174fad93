/// A direct-mapped cache of the words ``ColumnInference`` interned, by a word's length and
/// first eight bytes (its whole when it is that short): 256 entries, each the last word to map
/// there. A hit names the word's index; a word longer than eight bytes still has its other
/// bytes compared by the caller.
struct RecentWords {
  private var keys = [UInt64](repeating: 0, count: 256)
  private var lengths = [Int](repeating: -1, count: 256)
  private var indices = [Int](repeating: -1, count: 256)

  @inline(__always)
  private static func slot(_ key: UInt64, _ length: Int) -> Int {
    Int(
      truncatingIfNeeded: ((key ^ UInt64(truncatingIfNeeded: length)) &* 0x9e37_79b9_7f4a_7c15)
        >> 56)
  }

  /// The index cached for a word of `length` bytes whose first eight (fewer: zero-padded) are
  /// `key`, or -1.
  @inline(__always)
  func find(_ key: UInt64, length: Int) -> Int {
    let slot = Self.slot(key, length)
    return keys[slot] == key && lengths[slot] == length ? indices[slot] : -1
  }

  /// Caches `index` for the word.
  @inline(__always)
  mutating func remember(_ key: UInt64, length: Int, index: Int) {
    let slot = Self.slot(key, length)
    keys[slot] = key
    lengths[slot] = length
    indices[slot] = index
  }
}
