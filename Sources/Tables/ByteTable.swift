/// Distinct byte runs by index, in an open-addressing table keyed by ``ByteHash`` (no
/// per-process seed and no `Hasher` per cell); the caller keeps the runs and says whether a
/// candidate equals them.
struct ByteTable {
  private var hashes = [UInt64](repeating: 0, count: 64)
  private var indices = [Int](repeating: -1, count: 64)
  private var size = 0

  /// The index stored for bytes equal to `bytes` (`equals` compares with a stored index's).
  func find(_ bytes: UnsafeBufferPointer<UInt8>, equals: (Int) -> Bool) -> Int? {
    let hash = ByteHash.of(bytes)
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
    place(ByteHash.of(bytes), index)
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
