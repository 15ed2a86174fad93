/// Up to `capacity` colours (0x00BBGGRR) with a pixel count each, in a small open-addressed
/// table (Swift's hashed `Dictionary` spent an eighth of a GIF's re-making hashing them).
struct ExactColors {
  private static let empty = UInt32.max
  private var keys: [UInt32]
  private var counts: [Int]
  private let mask: Int
  /// The colours held.
  private(set) var count = 0
  /// The most colours held.
  let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    var size = 16
    while size < capacity * 4 { size <<= 1 }
    keys = [UInt32](repeating: Self.empty, count: size)
    counts = [Int](repeating: 0, count: size)
    mask = size - 1
  }

  /// Adds `pixels` of `color`; false (nothing added) when it is new and the table is full.
  @inline(__always)
  mutating func add(_ color: UInt32, pixels: Int) -> Bool {
    var slot = Int((color &* 0x9E37_79B1) >> 16) & mask
    while true {
      let key = keys[slot]
      if key == color {
        counts[slot] += pixels
        return true
      }
      if key == Self.empty {
        guard count < capacity else { return false }
        keys[slot] = color
        counts[slot] = pixels
        count += 1
        return true
      }
      slot = (slot + 1) & mask
    }
  }

  /// Every colour with its count.
  var entries: [(color: UInt32, count: Int)] {
    keys.indices.compactMap { keys[$0] == Self.empty ? nil : (keys[$0], counts[$0]) }
  }
}
