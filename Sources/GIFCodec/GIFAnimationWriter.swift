internal import CGif
public import LumenCore

/// Writes an animated GIF from full RGBA frames, streaming: one global colour table, frames
/// after the first stored as the rectangle that changed, with unchanged pixels transparent,
/// and identical neighbours merged into one frame with the summed delay (delays stay exact).
///
/// ```swift
/// var writer = try GIFAnimationWriter(path: "out.gif", size: size, colorTable: table)
/// for frame in frames { try writer.append(frame, delayCentiseconds: 10) }
/// let summary = try writer.finish()
/// ```
///
/// Only the previous frame's indices and one pending frame are held, never the animation.
public struct GIFAnimationWriter: ~Copyable {
  /// What was written.
  public struct Summary: Sendable, Hashable, Codable {
    /// Frames appended.
    public var framesAppended: Int
    /// GIF frames stored (identical neighbours merged).
    public var framesStored: Int
    /// The sum of all delays.
    public var durationCentiseconds: Int
  }

  private var file: GIFEncoderFile
  private var table: GIFColorTable
  private let size: Size
  private let dithering: GIFDithering
  private var previous: [UInt8]
  private var current: [UInt8]
  /// The last frame's RGBA, so only pixels that changed are quantized again.
  private var previousPixels: [UInt8] = []
  private var pending: (rect: PixelRect, delay: Int, transparent: Bool)?
  /// The pending frame's indices (row-major over its rectangle), reused frame to frame.
  private var pendingIndices: [UInt8] = []
  private var encoder = GIFLZWEncoder()
  private var summary = Summary(framesAppended: 0, framesStored: 0, durationCentiseconds: 0)

  /// Opens `path` for writing and writes the header, colour table and loop extension.
  ///
  /// - Parameters:
  ///   - loopCount: `0` loops forever; `n` stores NETSCAPE loop count `n`; `nil` plays once.
  public init(
    path: String, size: Size, colorTable: GIFColorTable, loopCount: Int? = 0,
    dithering: GIFDithering = .none
  ) throws(GIFError) {
    guard size.width > 0, size.height > 0, size.width <= 65535, size.height <= 65535 else {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "a GIF is 1…65535 pixels wide and high, not \(size)")
    }
    let file = try GIFEncoderFile(path: path)
    try Self.writeHeader(file, size: size, table: colorTable, loopCount: loopCount)
    self.file = file
    table = colorTable
    self.size = size
    self.dithering = dithering
    previous = []
    current = [UInt8](repeating: 0, count: size.width * size.height)
  }

  private static func writeHeader(
    _ file: borrowing GIFEncoderFile, size: Size, table: GIFColorTable, loopCount: Int?
  ) throws(GIFError) {
    guard let gif = file.handle else { return }
    // The table holds the colours and the transparent index, rounded up to a power of two.
    let entries = table.colors.count + 1
    var bits = 1
    while 1 << bits < entries { bits += 1 }
    var colors = [GifColorType](
      repeating: GifColorType(Red: 0, Green: 0, Blue: 0), count: 1 << bits)
    for (i, c) in table.colors.enumerated() {
      colors[i] = GifColorType(Red: c.red, Green: c.green, Blue: c.blue)
    }
    guard let map = GifMakeMapObject(Int32(1 << bits), &colors) else {
      throw GIFError(code: Code.noMemory, function: "GifMakeMapObject", message: "out of memory")
    }
    defer { GifFreeMapObject(map) }
    try file.check(
      EGifPutScreenDesc(gif, Int32(size.width), Int32(size.height), 8, 0, map), "EGifPutScreenDesc")
    if let loopCount {
      let count = UInt16(clamping: max(0, loopCount))
      try file.check(
        EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "EGifPutExtensionLeader")
      var name = Array("NETSCAPE2.0".utf8)
      try file.check(EGifPutExtensionBlock(gif, 11, &name), "EGifPutExtensionBlock")
      var value: [UInt8] = [1, UInt8(count & 0xFF), UInt8(count >> 8)]
      try file.check(EGifPutExtensionBlock(gif, 3, &value), "EGifPutExtensionBlock")
      try file.check(EGifPutExtensionTrailer(gif), "EGifPutExtensionTrailer")
    }
  }

  /// Adds a frame shown for `delayCentiseconds` (1…65535; the caller keeps the rounding
  /// exact over the whole animation). The frame must have the writer's size; alpha is ignored.
  public mutating func append(_ frame: RGBAImage, delayCentiseconds: Int) throws(GIFError) {
    guard frame.width == size.width, frame.height == size.height else {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "frame is \(frame.width)×\(frame.height), the GIF is \(size)")
    }
    let delay = min(max(delayCentiseconds, 1), 65535)
    summary.framesAppended += 1
    summary.durationCentiseconds += delay
    if previous.isEmpty {
      quantizeAll(frame)
      previousPixels = frame.bytes
      pending = (PixelRect(x: 0, y: 0, width: size.width, height: size.height), delay, false)
      pendingIndices = current
      previous = current
      return
    }
    guard let rect = quantizeChanges(frame) else {
      if let p = pending, p.delay + delay <= 65535 {
        pending?.delay += delay
        return
      }
      try flush()
      // An unchanged pixel as a placeholder frame carries the delay that did not fit.
      pending = (PixelRect(x: 0, y: 0, width: 1, height: 1), delay, true)
      pendingIndices[0] = table.transparentIndex
      return
    }
    try flush()
    let transparent = table.transparentIndex
    let width = size.width
    // One pass: unchanged pixels become transparent, and `previous` catches up with `current`
    // (outside `rect` the two are already equal).
    current.withUnsafeBufferPointer { now in
      previous.withUnsafeMutableBufferPointer { before in
        pendingIndices.withUnsafeMutableBufferPointer { out in
          for y in 0..<rect.height {
            let row = (rect.y + y) * width + rect.x
            let target = y * rect.width
            for x in 0..<rect.width {
              let value = now[row + x]
              out[target + x] = value == before[row + x] ? transparent : value
              before[row + x] = value
            }
          }
        }
      }
    }
    pending = (rect, delay, true)
  }

  /// Writes the last frame and the trailer and closes the file.
  public consuming func finish() throws(GIFError) -> Summary {
    try flush()
    try file.finish()
    return summary
  }

  @inline(__always)
  private mutating func index(_ r: UInt8, _ g: UInt8, _ b: UInt8, x: Int, y: Int) -> UInt8 {
    guard dithering == .ordered else { return table.index(red: r, green: g, blue: b) }
    let offset = Self.bayer[(y & 7) << 3 | (x & 7)]
    func shift(_ v: UInt8) -> UInt8 { UInt8(min(255, max(0, Int(v) + offset))) }
    return table.index(red: shift(r), green: shift(g), blue: shift(b))
  }

  private mutating func quantizeAll(_ frame: RGBAImage) {
    for y in 0..<size.height {
      for x in 0..<size.width {
        let i = y * size.width + x
        let p = i * 4
        current[i] = index(frame.bytes[p], frame.bytes[p + 1], frame.bytes[p + 2], x: x, y: y)
      }
    }
  }

  /// Quantizes the pixels whose colour differs from the last frame's (8 bytes compared at a
  /// time) into `current`, and returns the bounding box of changed indices, or `nil`.
  private mutating func quantizeChanges(_ frame: RGBAImage) -> PixelRect? {
    var minX = Int.max
    var minY = Int.max
    var maxX = -1
    var maxY = -1
    let width = size.width
    var changed: [(Int, Int)] = []
    frame.bytes.withUnsafeBytes { now in
      previousPixels.withUnsafeBytes { before in
        for y in 0..<size.height {
          let rowByte = y * width * 4
          var x = 0
          while x + 1 < width {
            let a = now.loadUnaligned(fromByteOffset: rowByte + x * 4, as: UInt64.self)
            let b = before.loadUnaligned(fromByteOffset: rowByte + x * 4, as: UInt64.self)
            if a != b {
              if UInt32(truncatingIfNeeded: a) != UInt32(truncatingIfNeeded: b) {
                changed.append((x, y))
              }
              if a >> 32 != b >> 32 { changed.append((x + 1, y)) }
            }
            x += 2
          }
          if x < width,
            now.loadUnaligned(fromByteOffset: rowByte + x * 4, as: UInt32.self)
              != before.loadUnaligned(fromByteOffset: rowByte + x * 4, as: UInt32.self)
          {
            changed.append((x, y))
          }
        }
      }
    }
    for (x, y) in changed {
      let i = y * width + x
      let p = i * 4
      let value = index(frame.bytes[p], frame.bytes[p + 1], frame.bytes[p + 2], x: x, y: y)
      current[i] = value
      if value != previous[i] {
        minX = min(minX, x)
        maxX = max(maxX, x)
        minY = min(minY, y)
        maxY = max(maxY, y)
      }
    }
    previousPixels.withUnsafeMutableBytes { target in
      frame.bytes.withUnsafeBytes { source in target.copyMemory(from: source) }
    }
    guard maxY >= 0 else { return nil }
    return PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
  }

  private mutating func flush() throws(GIFError) {
    guard let frame = pending, let gif = file.handle else { return }
    pending = nil
    let index = summary.framesStored
    var control = GraphicsControlBlock(
      DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false, DelayTime: Int32(frame.delay),
      TransparentColor: frame.transparent ? Int32(table.transparentIndex) : NO_TRANSPARENT_COLOR)
    var extensionBytes = [UInt8](repeating: 0, count: 4)
    let length = EGifGCBToExtension(&control, &extensionBytes)
    try file.check(
      EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, Int32(length), &extensionBytes),
      "EGifPutExtension",
      frame: index)
    try file.check(
      EGifPutImageDesc(
        gif, Int32(frame.rect.x), Int32(frame.rect.y), Int32(frame.rect.width),
        Int32(frame.rect.height),
        false, nil), "EGifPutImageDesc", frame: index)
    // The LZW data goes through giflib as ready sub-blocks, with the minimum code size giflib
    // wrote after the image descriptor (from the global table's depth).
    let minimumCodeSize = max(2, Int(gif.pointee.SColorMap.pointee.BitsPerPixel))
    let pixels = frame.rect.width * frame.rect.height
    pendingIndices.withUnsafeBufferPointer { indices in
      encoder.encode(
        UnsafeBufferPointer(rebasing: indices[0..<pixels]), minimumCodeSize: minimumCodeSize,
        directIndex: table.transparentIndex)
    }
    try encoder.blocks.withUnsafeBufferPointer { blocks throws(GIFError) in
      var offset = 0
      while offset < blocks.count {
        let block = blocks.baseAddress! + offset
        if offset == 0 {
          try file.check(
            EGifPutCode(gif, Int32(minimumCodeSize), block), "EGifPutCode", frame: index)
        } else {
          try file.check(EGifPutCodeNext(gif, block), "EGifPutCodeNext", frame: index)
        }
        offset += Int(block.pointee) + 1
      }
    }
    try file.check(EGifPutCodeNext(gif, nil), "EGifPutCodeNext", frame: index)
    summary.framesStored += 1
  }

  /// An 8×8 Bayer matrix scaled to about ±8 levels.
  private static let bayer: [Int] = {
    let m: [Int] = [
      0, 32, 8, 40, 2, 34, 10, 42, 48, 16, 56, 24, 50, 18, 58, 26, 12, 44, 4, 36, 14, 46, 6, 38,
      60, 28, 52, 20, 62, 30, 54, 22, 3, 35, 11, 43, 1, 33, 9, 41, 51, 19, 59, 27, 49, 17, 57, 25,
      15, 47, 7, 39, 13, 45, 5, 37, 63, 31, 55, 23, 61, 29, 53, 21,
    ]
    return m.map { ($0 - 32) / 4 }
  }()

  private typealias Code = GIFError.Code
}

extension GIFError.Code {
  /// giflib could not allocate memory. The corresponding C constant is `E_GIF_ERR_NOT_ENOUGH_MEM`.
  static let noMemory = GIFError.Code(rawValue: Int32(E_GIF_ERR_NOT_ENOUGH_MEM))
}
