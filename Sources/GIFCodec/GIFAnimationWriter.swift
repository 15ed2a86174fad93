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

  private var writer: GIFIndexedWriter
  private var table: GIFColorTable
  private let size: Size
  private let dithering: GIFDithering
  private var previous: [UInt8]
  private var current: [UInt8]
  /// The last frame's RGBA, so only pixels that changed are quantized again.
  private var previousPixels: [UInt8] = []
  /// The changed rectangle's indices (row-major over it), reused frame to frame.
  private var frameIndices: [UInt8] = []
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
    // The table holds the colours and the transparent index.
    writer = try GIFIndexedWriter(
      path: path, size: size, globalColors: colorTable.colors + [.black], loopCount: loopCount)
    table = colorTable
    self.size = size
    self.dithering = dithering
    previous = []
    current = [UInt8](repeating: 0, count: size.width * size.height)
    frameIndices = current
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
    let transparent = table.transparentIndex
    if previous.isEmpty {
      quantizeAll(frame)
      previousPixels = frame.bytes
      previous = current
      var first = GIFIndexedFrame(
        rect: PixelRect(x: 0, y: 0, width: size.width, height: size.height), indices: current,
        delayCentiseconds: delay, transparentIndex: transparent)
      try writer.append(&first)
      return
    }
    guard let rect = quantizeChanges(frame) else {
      try writer.extendLastFrame(byCentiseconds: delay)
      return
    }
    let width = size.width
    // One pass: unchanged pixels become transparent, and `previous` catches up with `current`
    // (outside `rect` the two are already equal).
    current.withUnsafeBufferPointer { now in
      previous.withUnsafeMutableBufferPointer { before in
        frameIndices.withUnsafeMutableBufferPointer { out in
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
    var changed = GIFIndexedFrame(
      rect: rect, indices: Array(frameIndices[0..<(rect.width * rect.height)]),
      delayCentiseconds: delay, transparentIndex: transparent)
    try writer.append(&changed)
  }

  /// Writes the last frame and the trailer and closes the file.
  public consuming func finish() throws(GIFError) -> Summary {
    var summary = self.summary
    summary.framesStored = try writer.finish()
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
