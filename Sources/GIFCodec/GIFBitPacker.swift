/// Packs codes least-significant bit first into GIF data sub-blocks.
struct GIFBitPacker {
  var blocks: [UInt8]
  private var bits: UInt64 = 0
  private var count = 0
  /// Where the current sub-block's length byte is.
  private var lengthAt = -1

  init(blocks: [UInt8]) { self.blocks = blocks }

  @inline(__always)
  mutating func write(_ code: Int, width: Int) {
    bits |= UInt64(code) << UInt64(count)
    count += width
    while count >= 8 {
      append(UInt8(truncatingIfNeeded: bits))
      bits >>= 8
      count -= 8
    }
  }

  @inline(__always)
  private mutating func append(_ byte: UInt8) {
    if lengthAt < 0 || blocks[lengthAt] == 255 {
      lengthAt = blocks.count
      blocks.append(0)
    }
    blocks.append(byte)
    blocks[lengthAt] += 1
  }

  mutating func finish() -> [UInt8] {
    if count > 0 { append(UInt8(truncatingIfNeeded: bits)) }
    return blocks
  }
}
