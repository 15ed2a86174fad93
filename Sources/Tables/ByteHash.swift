/// A cheap 64-bit hash of bytes, eight at a time, the same in every process (Swift's `Hasher`
/// is seeded per process): the reader's table of distinct words and the analysis' mergeable
/// value counts use it.
package enum ByteHash {
  package static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
    let raw = UnsafeRawBufferPointer(bytes)
    var i = 0
    while i + 8 <= raw.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
      h ^= h >> 29
      i += 8
    }
    // The last 0–7 bytes as a little-endian word: from the word that ends the bytes, shifted
    // (no copy) when there are eight bytes to read; copied when there are fewer.
    var tail: UInt64 = 0
    let rest = raw.count - i
    if rest > 0, let base = raw.baseAddress {
      if raw.count >= 8 {
        let last = UInt64(
          littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
        tail = last >> UInt64(8 * (8 - rest))
      } else {
        withUnsafeMutableBytes(of: &tail) { word in
          word.baseAddress!.copyMemory(from: base + i, byteCount: rest)
        }
        tail = UInt64(littleEndian: tail)
      }
    }
    h = (h ^ tail) &* 0xff51_afd7_ed55_8ccd
    return h ^ (h >> 32)
  }
}
