import LumenCore

/// Writes small GIF files byte by byte, so tests know exactly what each frame contains.
///
/// Pixel data is stored with a clear code every few pixels, which is valid LZW that needs no
/// compressor: the decoder under test is the only LZW implementation involved.
public struct GIFBuilder {
  /// One frame: its rectangle and palette indices (row by row, screen order).
  public struct Frame {
    public var rect: PixelRect
    public var indices: [UInt8]
    public var delayCentiseconds: Int?
    public var disposal: Int
    public var transparentIndex: Int?
    public var localPalette: [RGBColor]?
    public var interlaced: Bool

    public init(
      rect: PixelRect, indices: [UInt8], delayCentiseconds: Int? = 10, disposal: Int = 1,
      transparentIndex: Int? = nil, localPalette: [RGBColor]? = nil, interlaced: Bool = false
    ) {
      precondition(indices.count == rect.width * rect.height)
      self.rect = rect
      self.indices = indices
      self.delayCentiseconds = delayCentiseconds
      self.disposal = disposal
      self.transparentIndex = transparentIndex
      self.localPalette = localPalette
      self.interlaced = interlaced
    }
  }

  public var width: Int
  public var height: Int
  /// Up to 16 colours; padded with black.
  public var globalPalette: [RGBColor]?
  public var loopCount: Int?
  public var comments: [[UInt8]] = []
  public var frames: [Frame] = []

  public init(width: Int, height: Int, globalPalette: [RGBColor]?, loopCount: Int? = 0) {
    self.width = width
    self.height = height
    self.globalPalette = globalPalette
    self.loopCount = loopCount
  }

  /// The GIF file's bytes.
  public func bytes() -> [UInt8] {
    var out = Array("GIF89a".utf8)
    out += le16(width) + le16(height)
    out += [globalPalette == nil ? 0x70 : 0xF3, 0, 0]
    if let globalPalette { out += table(globalPalette) }
    if let loopCount {
      out += [0x21, 0xFF, 11] + Array("NETSCAPE2.0".utf8) + [3, 1] + le16(loopCount) + [0]
    }
    for comment in comments {
      out += [0x21, 0xFE]
      out += subBlocks(comment)
    }
    for frame in frames {
      if let delay = frame.delayCentiseconds {
        let packed = UInt8(frame.disposal << 2) | (frame.transparentIndex == nil ? 0 : 1)
        out += [0x21, 0xF9, 4, packed] + le16(delay) + [UInt8(frame.transparentIndex ?? 0), 0]
      }
      out += [0x2C] + le16(frame.rect.x) + le16(frame.rect.y)
      out += le16(frame.rect.width) + le16(frame.rect.height)
      out += [(frame.localPalette == nil ? 0 : 0x83) | (frame.interlaced ? 0x40 : 0)]
      if let local = frame.localPalette { out += table(local) }
      out += [4]
      out += subBlocks(lzw(rowsInStoredOrder(frame)))
    }
    out.append(0x3B)
    return out
  }

  private func rowsInStoredOrder(_ frame: Frame) -> [UInt8] {
    let w = frame.rect.width
    let h = frame.rect.height
    guard frame.interlaced else { return frame.indices }
    var order: [Int] = []
    for (start, step) in [(0, 8), (4, 8), (2, 4), (1, 2)] {
      order += stride(from: start, to: h, by: step)
    }
    return order.flatMap { frame.indices[($0 * w)..<($0 * w + w)] }
  }

  /// LZW with minimum code size 4 (5-bit codes), a clear code before every 12 pixels.
  private func lzw(_ indices: [UInt8]) -> [UInt8] {
    var codes: [Int] = []
    for (i, index) in indices.enumerated() {
      if i % 12 == 0 { codes.append(16) }
      codes.append(Int(index))
    }
    codes.append(17)
    var bytes: [UInt8] = []
    var buffer = 0
    var bits = 0
    for code in codes {
      buffer |= code << bits
      bits += 5
      while bits >= 8 {
        bytes.append(UInt8(buffer & 0xFF))
        buffer >>= 8
        bits -= 8
      }
    }
    if bits > 0 { bytes.append(UInt8(buffer & 0xFF)) }
    return bytes
  }

  private func subBlocks(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var offset = 0
    while offset < data.count {
      let n = min(255, data.count - offset)
      out.append(UInt8(n))
      out += data[offset..<(offset + n)]
      offset += n
    }
    out.append(0)
    return out
  }

  private func table(_ colors: [RGBColor]) -> [UInt8] {
    let padded =
      Array(colors.prefix(16)) + Array(repeating: RGBColor.black, count: max(0, 16 - colors.count))
    return padded.flatMap { [$0.red, $0.green, $0.blue] }
  }

  private func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
}
