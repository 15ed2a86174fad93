/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seedable generator whose outputs are the same
/// on every run and platform. The one seeded generator of Lumen (palettes, light phases).
///
/// The `n`-th output (from 0) of the stream seeded with `seed` is
/// `mix(seed &+ (n + 1) &* 0x9E37_79B9_7F4A_7C15)`, so any element can be had in O(1) with
/// ``value(seed:index:)``.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15
  private var state: UInt64

  /// A stream whose first output is `value(seed: seed, index: 0)`.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next output.
  public mutating func next() -> UInt64 {
    state &+= Self.increment
    return Self.mix(state)
  }

  /// The `index`-th output of the stream seeded with `seed` (negative indices wrap around the
  /// 2⁶⁴-long stream).
  public static func value(seed: UInt64, index: Int) -> UInt64 {
    mix(seed &+ (UInt64(bitPattern: Int64(index)) &+ 1) &* increment)
  }

  /// A uniform value in `0..<1` made from the top 53 bits of `bits`.
  public static func unit(_ bits: UInt64) -> Double {
    Double(bits >> 11) * 0x1p-53
  }

  /// The next output as a uniform value in `0..<1`.
  public mutating func nextUnit() -> Double {
    Self.unit(next())
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
