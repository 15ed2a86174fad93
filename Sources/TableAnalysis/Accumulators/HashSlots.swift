/// The open-addressing arithmetic ``RowSet`` and ``ValueTally`` share: any table size (a key's
/// home slot is its hash scaled to the size, not masked), filled to three quarters and grown
/// by half, so 200,000 row hashes take 2.4 MB where a power-of-two table half full took 4.2 MB.
enum HashSlots {
  /// The first slot tried for `key` in a table of `capacity` slots (the hash's high bits).
  @inline(__always)
  static func home(_ key: UInt64, _ capacity: Int) -> Int {
    Int(truncatingIfNeeded: key.multipliedFullWidth(by: UInt64(capacity)).high)
  }

  /// Whether `size` keys make a table of `capacity` slots too full for short probes.
  @inline(__always)
  static func isFull(_ size: Int, _ capacity: Int) -> Bool { size * 4 > capacity * 3 }

  /// The next table size.
  static func grown(_ capacity: Int) -> Int { capacity + capacity / 2 }
}
