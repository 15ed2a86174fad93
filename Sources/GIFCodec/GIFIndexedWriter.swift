internal import CGif
public import LumenCore

/// Writes an animated GIF from frames already turned into colour indices: each frame a
/// rectangle of the screen, with its delay, an optional transparent ("unchanged") index and
/// an optional local colour table; every frame is kept under the next (no disposal).
///
/// ```swift
/// var writer = try GIFIndexedWriter(path: "out.gif", size: size, globalColors: colors)
/// var frame = GIFIndexedFrame(rect: whole, indices: indices, delayCentiseconds: 4)
/// try writer.append(&frame)
/// let bytes = try writer.finish()
/// ```
///
/// Frames are written as they come (one compressed frame is held), so memory does not grow
/// with the animation. With ``GIFIndexedFrame/lossy`` the LZW matching may replace indices by
/// close colours; the frame's `indices` then hold what was written, so the caller can keep
/// its picture of the screen true.
public struct GIFIndexedWriter: ~Copyable {
  private var file: GIFEncoderFile
  private let size: Size
  private let globalColors: [RGBColor]?
  private var encoder = GIFLZWEncoder()
  private var scratch = GIFLZWEncoder()
  private var pending: Pending?
  private var pendingBlocks: [UInt8] = []
  /// Frames written so far.
  public private(set) var framesWritten = 0

  /// Opens `path` and writes the header, the global colour table (if any) and the loop
  /// extension.
  ///
  /// - Parameters:
  ///   - globalColors: 1…256 colours, or `nil` when every frame has its own table.
  ///   - loopCount: `0` loops forever; `n` stores NETSCAPE loop count `n`; `nil` plays once.
  public init(path: String, size: Size, globalColors: [RGBColor]?, loopCount: Int? = 0)
    throws(GIFError)
  {
    guard size.width > 0, size.height > 0, size.width <= 65535, size.height <= 65535 else {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "a GIF is 1…65535 pixels wide and high, not \(size)")
    }
    if let globalColors { try Self.checkTable(globalColors) }
    let file = try GIFEncoderFile(path: path)
    guard let gif = file.handle else {
      throw GIFError(code: .noMemory, function: "EGifOpen", message: "no encoder")
    }
    var status: Int32
    if let globalColors {
      let map = try Self.colorMap(globalColors)
      defer { GifFreeMapObject(map) }
      status = EGifPutScreenDesc(
        gif, Int32(size.width), Int32(size.height), Int32(map.pointee.BitsPerPixel), 0, map)
    } else {
      status = EGifPutScreenDesc(gif, Int32(size.width), Int32(size.height), 8, 0, nil)
    }
    try file.check(status, "EGifPutScreenDesc")
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
    self.file = file
    self.size = size
    self.globalColors = globalColors
  }

  /// Adds one frame. Its rectangle must lie on the screen, its indices cover the rectangle
  /// and be below its table's size, its delay 0…65535. The frame is compressed now (lossy
  /// replacements land in `frame.indices`) and written when the next one comes or at
  /// ``finish()``, so ``extendLastFrame(byCentiseconds:)`` can still lengthen it.
  ///
  /// - Throws: ``GIFError`` for a frame that does not fit, or when writing fails.
  public mutating func append(_ frame: inout GIFIndexedFrame) throws(GIFError) {
    let rect = frame.rect
    guard rect.x >= 0, rect.y >= 0, rect.width > 0, rect.height > 0,
      rect.x + rect.width <= size.width, rect.y + rect.height <= size.height,
      frame.indices.count == rect.width * rect.height,
      (0...65535).contains(frame.delayCentiseconds)
    else {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "frame \(framesWritten + 1) (\(rect), delay \(frame.delayCentiseconds)) does "
          + "not fit the \(size) screen")
    }
    guard let colors = frame.localColors ?? globalColors else {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "frame \(framesWritten + 1) has no colour table and the GIF has no global one")
    }
    if let local = frame.localColors { try Self.checkTable(local) }
    let bits = Self.bits(for: colors.count)
    let limit = UInt8(clamping: (1 << bits) - 1)
    if bits < 8, frame.indices.contains(where: { $0 > limit }) {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "frame \(framesWritten + 1) uses an index beyond its \(colors.count)-colour table")
    }
    try flush()
    // The LZW minimum code size only has to hold the indices the frame uses (at least 2):
    // a frame of a few low indices is coded in 3-bit codes, not the table's 8. Browsers,
    // FFmpeg and giflib decode it so; giflib's writer would always use the table's depth,
    // so the image block is written here.
    let minimumCodeSize = Self.codeSize(for: frame.indices)
    let lossy =
      frame.lossy > 0
      ? GIFLossyMatching(
        colors: colors, level: frame.lossy, transparentIndex: frame.transparentIndex)
      : nil
    let direct = frame.transparentIndex ?? 0
    frame.indices.withUnsafeMutableBufferPointer { indices in
      encoder.encode(indices, minimumCodeSize: minimumCodeSize, directIndex: direct, lossy: lossy)
    }
    var blocks = encoder.blocks
    swap(&blocks, &pendingBlocks)
    pending = Pending(
      rect: rect, delay: frame.delayCentiseconds, transparent: frame.transparentIndex,
      localColors: frame.localColors, minimumCodeSize: minimumCodeSize)
  }

  /// The bytes `frame`'s pixel data would take, compressed exactly (to choose between two
  /// ways of storing a frame).
  public mutating func compressedSize(of frame: GIFIndexedFrame) -> Int {
    var indices = frame.indices
    let codeSize = Self.codeSize(for: indices)
    indices.withUnsafeMutableBufferPointer {
      scratch.encode($0, minimumCodeSize: codeSize, directIndex: frame.transparentIndex ?? 0)
    }
    return scratch.blocks.count
  }

  /// Shows the last frame added this much longer. Past GIF's 65,535 cs, an unchanged
  /// one-pixel frame carries the rest.
  public mutating func extendLastFrame(byCentiseconds extra: Int) throws(GIFError) {
    guard extra > 0, let current = pending else { return }
    if current.delay + extra <= 65535 {
      pending?.delay += extra
      return
    }
    let rest = current.delay + extra - 65535
    pending?.delay = 65535
    guard let transparent = current.transparent else { return }
    try flush()
    let codeSize = Self.codeSize(for: [transparent])
    pendingBlocks = Self.oneTransparentPixel(transparent, minimumCodeSize: codeSize)
    pending = Pending(
      rect: PixelRect(x: 0, y: 0, width: 1, height: 1), delay: 0, transparent: transparent,
      localColors: current.localColors, minimumCodeSize: codeSize)
    try extendLastFrame(byCentiseconds: rest)
  }

  /// Writes the last frame and the trailer, and closes the file.
  ///
  /// - Returns: The number of frames written.
  @discardableResult
  public consuming func finish() throws(GIFError) -> Int {
    try flush()
    try file.finish()
    return framesWritten
  }

  private mutating func flush() throws(GIFError) {
    guard let frame = pending, let gif = file.handle else { return }
    pending = nil
    let index = framesWritten
    let rect = frame.rect
    var control = GraphicsControlBlock(
      DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false, DelayTime: Int32(frame.delay),
      TransparentColor: frame.transparent.map(Int32.init) ?? NO_TRANSPARENT_COLOR)
    var extensionBytes = [UInt8](repeating: 0, count: 4)
    let length = EGifGCBToExtension(&control, &extensionBytes)
    try file.check(
      EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, Int32(length), &extensionBytes),
      "EGifPutExtension", frame: index)
    // The image descriptor, the local table, the code size, the data sub-blocks, the end.
    var block: [UInt8] = [0x2C]
    for value in [rect.x, rect.y, rect.width, rect.height] {
      block += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }
    if let local = frame.localColors {
      let bits = max(1, Self.bits(for: local.count))
      block.append(0x80 | UInt8(bits - 1))
      for i in 0..<(1 << bits) {
        let c = i < local.count ? local[i] : RGBColor.black
        block += [c.red, c.green, c.blue]
      }
    } else {
      block.append(0)
    }
    block.append(UInt8(frame.minimumCodeSize))
    block += pendingBlocks
    block.append(0)
    try file.writeRaw(block, frame: index)
    framesWritten += 1
  }

  /// The LZW minimum code size for `indices`: the bits of the highest, at least 2.
  static func codeSize(for indices: [UInt8]) -> Int {
    max(2, bits(for: Int(indices.max() ?? 0) + 1))
  }

  /// The bits needed to number `count` things (1 for 1 or 2).
  static func bits(for count: Int) -> Int {
    var bits = 1
    while 1 << bits < count { bits += 1 }
    return bits
  }

  /// The LZW sub-blocks of one pixel of `index`.
  private static func oneTransparentPixel(_ index: UInt8, minimumCodeSize: Int) -> [UInt8] {
    var encoder = GIFLZWEncoder()
    var pixel: [UInt8] = [index]
    pixel.withUnsafeMutableBufferPointer {
      encoder.encode($0, minimumCodeSize: minimumCodeSize, directIndex: index)
    }
    return encoder.blocks
  }

  private static func checkTable(_ colors: [RGBColor]) throws(GIFError) {
    guard (1...256).contains(colors.count) else {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "a GIF colour table holds 1…256 colours, not \(colors.count)")
    }
  }

  /// A giflib colour map of the colours, padded with black to a power of two (at least 2).
  private static func colorMap(_ colors: [RGBColor]) throws(GIFError)
    -> UnsafeMutablePointer<ColorMapObject>
  {
    var bits = 1
    while 1 << bits < colors.count { bits += 1 }
    var entries = [GifColorType](
      repeating: GifColorType(Red: 0, Green: 0, Blue: 0), count: 1 << bits)
    for (i, c) in colors.enumerated() {
      entries[i] = GifColorType(Red: c.red, Green: c.green, Blue: c.blue)
    }
    guard let map = GifMakeMapObject(Int32(1 << bits), &entries) else {
      throw GIFError(code: .noMemory, function: "GifMakeMapObject", message: "out of memory")
    }
    return map
  }

  /// A compressed frame waiting for its final delay.
  private struct Pending {
    var rect: PixelRect
    var delay: Int
    var transparent: UInt8?
    var localColors: [RGBColor]?
    var minimumCodeSize: Int
  }
}
