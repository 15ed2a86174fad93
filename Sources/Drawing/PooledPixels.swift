/// Pixel memory taken from ``PixelPool``, given back to it when this owner ends (a canvas'
/// surface is destroyed first: cairo never frees memory it was given).
struct PooledPixels: ~Copyable {
  let memory: UnsafeMutableRawPointer
  let bytes: Int

  /// Memory for `bytes`, or `nil` when the pool does not serve that size or cannot allocate.
  init?(bytes: Int) {
    guard let (memory, capacity) = PixelPool.shared.take(bytes) else { return nil }
    self.memory = memory
    self.bytes = capacity
  }

  deinit { PixelPool.shared.give(memory, bytes: bytes) }
}
