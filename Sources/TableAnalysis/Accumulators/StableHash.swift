internal import Tables

/// 64-bit hashes that are the same in every process (Swift's `Hasher` is seeded per process), so
/// the partial states of shards merge: numbers by their bits through a bijective mixer (no two
/// numbers collide), text by its UTF-8 bytes.
enum StableHash {
  /// MurmurHash3's 64-bit finaliser: a bijection on `UInt64`.
  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    var x = value
    x ^= x >> 33
    x &*= 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x &*= 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return x
  }

  /// A number's hash; `-0` is `0`, as it compares equal.
  @inline(__always)
  static func number(_ value: Double) -> UInt64 {
    mix((value == 0 ? 0 : value).bitPattern)
  }

  /// A text's hash, from its UTF-8 bytes (Tables' ``ByteHash``).
  static func text(_ value: String) -> UInt64 {
    var copy = value
    return copy.withUTF8 { ByteHash.of($0) }
  }

  /// Folds one more cell's hash (already mixed) into a row's running hash, the cell salted by
  /// its column so that values swapped between columns do not cancel out; the row's hash is
  /// the fold ``mix``ed once at the end. A rotation and an addition: the pass over every cell
  /// vectorises (a mix per cell took a sixtieth of an analysis).
  @inline(__always)
  static func fold(_ row: UInt64, _ cell: UInt64, salt: UInt64) -> UInt64 {
    ((row << 27) | (row >> 37)) &+ (cell ^ salt)
  }
}
