/// GIF's variable-width LZW compression of one frame's colour indices (GIF89a, appendix F),
/// written as the image's data sub-blocks for giflib's `EGifPutCode` / `EGifPutCodeNext`.
///
/// giflib's own `EGifPutLine` spends most of an animated map's encoding time probing its hash
/// table. This encoder keeps a 16,384-slot open-addressed table (at most a quarter full, so
/// probes are short) and, for the one index that dominates a frame stored as a changed
/// rectangle — the transparent "unchanged" index — a direct child table that needs no hashing.
/// The tables are reused from frame to frame.
struct GIFLZWEncoder {
  private static let maxCode = 4095
  private static let tableSize = 1 << 14
  private static let emptySlot = UInt32.max
  private static let noChild = UInt16.max

  /// Key (prefix code << 8 | index) in the high 20 bits, code in the low 12.
  private var table = [UInt32](repeating: GIFLZWEncoder.emptySlot, count: GIFLZWEncoder.tableSize)
  /// The code of (prefix code, `directIndex`), by prefix code.
  private var directChildren = [UInt16](
    repeating: GIFLZWEncoder.noChild, count: GIFLZWEncoder.maxCode + 1)

  /// Per code, when matching is lossy: the index it ends with, its first child and next
  /// sibling (the children of a string, walked to find one that is close enough).
  private var suffixes = [UInt8](repeating: 0, count: GIFLZWEncoder.maxCode + 1)
  private var firstChild = [UInt16](
    repeating: GIFLZWEncoder.noChild, count: GIFLZWEncoder.maxCode + 1)
  private var nextSibling = [UInt16](
    repeating: GIFLZWEncoder.noChild, count: GIFLZWEncoder.maxCode + 1)

  /// The compressed bytes of the last frame, already cut into sub-blocks: each a length byte
  /// (1…255) and that many bytes. The terminating empty block is not included.
  private(set) var blocks: [UInt8] = []

  /// Compresses `indices` with LZW minimum code size `minimumCodeSize` (2…8; every index must
  /// be below `1 << minimumCodeSize`) into ``blocks``. `directIndex` is the index expected
  /// most often; any value gives the same bytes, only the speed differs.
  ///
  /// With `lossy`, an index the table cannot extend the current string with is replaced, in
  /// `indices`, by the index of an existing longer string whose colour is close enough (what
  /// gifsicle's `--lossy` does): longer strings, fewer codes, a small colour error.
  mutating func encode(
    _ indices: UnsafeMutableBufferPointer<UInt8>, minimumCodeSize: Int, directIndex: UInt8,
    lossy: GIFLossyMatching? = nil
  ) {
    precondition((2...8).contains(minimumCodeSize), "LZW minimum code size \(minimumCodeSize)")
    // Take the last frame's buffer out of `blocks` (so it is not shared) and refill it.
    var reused: [UInt8] = []
    swap(&reused, &blocks)
    reused.removeAll(keepingCapacity: true)
    var output = GIFBitPacker(blocks: reused)
    let clear = 1 << minimumCodeSize
    var width = minimumCodeSize + 1
    var next = clear + 1  // the code the next new string will get, less one
    var widthLimit = clear << 1
    resetTables()
    output.write(clear, width: width)
    guard var code = indices.first.map(Int.init) else {
      output.write(clear + 1, width: width)
      blocks = output.finish()
      return
    }
    let mask = Self.tableSize - 1
    if lossy != nil {
      firstChild.withUnsafeMutableBufferPointer { $0.update(repeating: Self.noChild) }
    }
    var suffixes = self.suffixes
    var firstChild = self.firstChild
    var nextSibling = self.nextSibling
    defer {
      self.suffixes = suffixes
      self.firstChild = firstChild
      self.nextSibling = nextSibling
    }
    table.withUnsafeMutableBufferPointer { table in
      directChildren.withUnsafeMutableBufferPointer { direct in
        for position in 1..<indices.count {
          let index = indices[position]
          let key = UInt32(code) << 8 | UInt32(index)
          var slot = 0
          if index == directIndex {
            let child = direct[code]
            if child != Self.noChild {
              code = Int(child)
              continue
            }
          } else {
            slot = Int((key &* 0x9E37_79B1) >> 18)  // the product's top 14 bits
            var entry = table[slot]
            var found = false
            while entry != Self.emptySlot {
              if entry >> 12 == key {
                code = Int(entry & 0xFFF)
                found = true
                break
              }
              slot = (slot + 1) & mask
              entry = table[slot]
            }
            if found { continue }
          }
          if let lossy, index != lossy.transparentIndex,
            let child = Self.closeChild(
              of: code, to: index, lossy, suffixes: suffixes, firstChild: firstChild,
              nextSibling: nextSibling)
          {
            indices[position] = suffixes[Int(child)]
            code = Int(child)
            continue
          }
          // The string so far is known, one more index is not: send it and learn the longer one.
          output.write(code, width: width)
          code = Int(index)
          next += 1
          if next == widthLimit {
            width += 1
            widthLimit <<= 1
          }
          if next == Self.maxCode {
            // The table is full: start over, as decoders do on the clear code.
            output.write(clear, width: width)
            width = minimumCodeSize + 1
            next = clear + 1
            widthLimit = clear << 1
            table.update(repeating: Self.emptySlot)
            direct.update(repeating: Self.noChild)
            if lossy != nil {
              firstChild.withUnsafeMutableBufferPointer { $0.update(repeating: Self.noChild) }
            }
            continue
          }
          if lossy != nil {
            let prefix = Int(key >> 8)
            suffixes[next] = index
            nextSibling[next] = firstChild[prefix]
            firstChild[prefix] = UInt16(next)
          }
          if index == directIndex {
            direct[Int(key >> 8)] = UInt16(next)
          } else {
            table[slot] = key << 12 | UInt32(next)
          }
        }
      }
    }
    output.write(code, width: width)
    next += 1
    if next == widthLimit, width < 12 { width += 1 }
    output.write(clear + 1, width: width)
    blocks = output.finish()
  }

  /// The child of `code` (a string one index longer) whose last index's colour is nearest
  /// `index`'s, if within the threshold.
  private static func closeChild(
    of code: Int, to index: UInt8, _ lossy: GIFLossyMatching, suffixes: [UInt8],
    firstChild: [UInt16], nextSibling: [UInt16]
  ) -> UInt16? {
    var child = firstChild[code]
    var best: UInt16?
    var bestDistance = lossy.threshold(for: index) + 1
    while child != Self.noChild {
      let suffix = suffixes[Int(child)]
      if suffix != lossy.transparentIndex {
        let distance = lossy.distance(suffix, index)
        if distance < bestDistance {
          bestDistance = distance
          best = child
        }
      }
      child = nextSibling[Int(child)]
    }
    return best
  }

  private mutating func resetTables() {
    table.withUnsafeMutableBufferPointer { $0.update(repeating: Self.emptySlot) }
    directChildren.withUnsafeMutableBufferPointer { $0.update(repeating: Self.noChild) }
  }
}
