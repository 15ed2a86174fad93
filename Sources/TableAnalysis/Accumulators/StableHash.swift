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

  /// Combines a row's running hash with one more cell's.
  @inline(__always)
  static func combine(_ row: UInt64, _ cell: UInt64) -> UInt64 {
    mix(row &* 0x9e37_79b9_7f4a_7c15 ^ cell)
  }
}
