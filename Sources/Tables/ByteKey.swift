/// A run of bytes as a dictionary key, hashed in one call (a slice of `[UInt8]` hashes byte by
/// byte, and retains its array at every use). Valid while the buffer it points into is.
struct ByteKey: Hashable {
  let bytes: Slice<UnsafeBufferPointer<UInt8>>

  func hash(into hasher: inout Hasher) {
    hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes)))
  }

  static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytes.elementsEqual(b.bytes) }
}
