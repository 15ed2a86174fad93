/// Distinct byte runs by index, in an open-addressing table keyed by a cheap 64-bit hash of
/// the bytes (no per-process seed and no `Hasher` per cell); the caller keeps the runs and
/// says whether a candidate equals them.
struct ByteTable {
  private var hashes = [UInt64](repeating: 0, count: 64)
  private var indices = [Int](repeating: -1, count: 64)
  private var size = 0

  /// A hash of `bytes`, eight at a time.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
    let raw = UnsafeRawBufferPointer(bytes)
    var i = 0
    while i + 8 <= raw.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
      h ^= h >> 29
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < raw.count {
      tail |= UInt64(raw[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ tail) &* 0xff51_afd7_ed55_8ccd
    return h ^ (h >> 32)
  }

  /// The index stored for bytes equal to `bytes` (`equals` compares with a stored index's).
  func find(_ bytes: UnsafeBufferPointer<UInt8>, equals: (Int) -> Bool) -> Int? {
    let hash = Self.hash(bytes)
    let mask = hashes.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while indices[slot] >= 0 {
      if hashes[slot] == hash, equals(indices[slot]) { return indices[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Stores `index` for `bytes` (not already present).
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, index: Int) {
    if (size + 1) * 2 > hashes.count { grow() }
    place(Self.hash(bytes), index)
    size += 1
  }

  private mutating func place(_ hash: UInt64, _ index: Int) {
    let mask = hashes.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while indices[slot] >= 0 { slot = (slot + 1) & mask }
    hashes[slot] = hash
    indices[slot] = index
  }

  private mutating func grow() {
    let oldHashes = hashes
    let oldIndices = indices
    hashes = [UInt64](repeating: 0, count: oldHashes.count * 2)
    indices = [Int](repeating: -1, count: oldHashes.count * 2)
    for i in oldIndices.indices where oldIndices[i] >= 0 { place(oldHashes[i], oldIndices[i]) }
  }
}
