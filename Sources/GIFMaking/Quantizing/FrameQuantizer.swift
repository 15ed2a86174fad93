internal import GIFCodec
internal import LumenCore

/// Turns each frame into colour indices against what the GIF already shows.
///
/// Temporal stability: a pixel whose source colour stayed within `tolerance` of the colour it
/// had when last written keeps what is shown (the transparent "unchanged" index), so dithering
/// does not shimmer on still parts and each frame stores only the rectangle that changed. A
/// changed pixel whose new palette colour equals what is shown is also left transparent.
struct FrameQuantizer {
  /// One frame's indices over the rectangle that changed.
  struct Result {
    var rect: PixelRect
    var indices: [UInt8]
  }

  let size: Size
  let dither: DitherMethod
  let strength: Float
  /// The largest weighted squared RGB change (2·ΔR² + 4·ΔG² + 3·ΔB²) counted as unchanged.
  let tolerance: Int
  /// What the GIF shows after the frames so far (0x00BBGGRR per pixel).
  private(set) var shown: [UInt32]
  /// Each pixel's source colour when it was last written.
  private var reference: [UInt32]
  private var changed: [Bool]
  private var started = false

  init(size: Size, dither: DitherMethod, strength: Double, tolerance: Int) {
    self.size = size
    self.dither = dither
    self.strength = Float(strength)
    self.tolerance = tolerance
    shown = [UInt32](repeating: 0, count: size.width * size.height)
    reference = shown
    changed = [Bool](repeating: false, count: size.width * size.height)
  }

  /// The indices of `image` in `table` over the rectangle that changed, or `nil` when nothing
  /// visible changed (the previous frame simply lasts longer).
  mutating func quantize(_ image: RGBAImage, table: inout GIFColorTable) -> Result? {
    let width = size.width
    let height = size.height
    let first = !started
    started = true
    // 1. Which pixels changed, and their bounding box.
    var minX = Int.max
    var minY = Int.max
    var maxX = -1
    var maxY = -1
    let tolerance = self.tolerance
    image.bytes.withUnsafeBytes { raw in
      let source = raw.bindMemory(to: UInt32.self)
      reference.withUnsafeBufferPointer { reference in
        changed.withUnsafeMutableBufferPointer { changed in
          for y in 0..<height {
            var rowChanged = false
            let row = y * width
            for x in 0..<width {
              let now = source[row + x] & 0x00FF_FFFF
              let then = reference[row + x]
              var moved = first
              if !moved && now != then {
                moved = tolerance == 0 || Self.distance(now, then) > tolerance
              }
              changed[row + x] = moved
              if moved {
                rowChanged = true
                if x < minX { minX = x }
                if x > maxX { maxX = x }
              }
            }
            if rowChanged {
              if y < minY { minY = y }
              maxY = y
            }
          }
        }
      }
    }
    guard maxY >= 0 else { return nil }
    // 2. Quantize the changed pixels of the box (dithering within it), others transparent.
    let box = PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    let transparent = table.transparentIndex
    var indices = [UInt8](repeating: transparent, count: box.width * box.height)
    var written = (minX: Int.max, minY: Int.max, maxX: -1, maxY: -1)
    let diffusing = dither == .floydSteinberg || dither == .sierra
    let rowFloats = (box.width + 2) * 3
    var errors = [Float](repeating: 0, count: diffusing ? rowFloats * 2 : 0)
    let colors = table.colors.map {
      UInt32($0.red) | UInt32($0.green) << 8 | UInt32($0.blue) << 16
    }
    let strength = self.strength
    let ordered = dither == .ordered
    let sierra = dither == .sierra
    let spread = 24 * strength
    image.bytes.withUnsafeBytes { raw in
      let source = raw.bindMemory(to: UInt32.self)
      changed.withUnsafeBufferPointer { changed in
        shown.withUnsafeMutableBufferPointer { shown in
          reference.withUnsafeMutableBufferPointer { reference in
            errors.withUnsafeMutableBufferPointer { errors in
              indices.withUnsafeMutableBufferPointer { indices in
                colors.withUnsafeBufferPointer { colors in
                  for by in 0..<box.height {
                    let y = box.y + by
                    let current = (by & 1) * rowFloats
                    let next = rowFloats - current
                    if diffusing {
                      for i in 0..<rowFloats { errors[next + i] = 0 }
                    }
                    for bx in 0..<box.width {
                      let x = box.x + bx
                      let p = y * width + x
                      guard changed[p] else { continue }
                      let pixel = source[p]
                      var r = Float(pixel & 0xFF)
                      var g = Float((pixel >> 8) & 0xFF)
                      var b = Float((pixel >> 16) & 0xFF)
                      let e = current + (bx + 1) * 3
                      if diffusing {
                        r += errors[e]
                        g += errors[e + 1]
                        b += errors[e + 2]
                      } else if ordered {
                        let offset = Self.bayer[(y & 7) << 3 | (x & 7)] * spread
                        r += offset
                        g += offset
                        b += offset
                      }
                      let index = table.index(
                        red: Self.clamp(r), green: Self.clamp(g), blue: Self.clamp(b))
                      let color = colors[Int(index)]
                      if diffusing {
                        let er = (r - Float(color & 0xFF)) * strength
                        let eg = (g - Float((color >> 8) & 0xFF)) * strength
                        let eb = (b - Float((color >> 16) & 0xFF)) * strength
                        Self.spread(
                          er, eg, eb, into: errors, at: e, next: next + (bx + 1) * 3,
                          sierra: sierra)
                      }
                      reference[p] = pixel & 0x00FF_FFFF
                      if !first && color == shown[p] { continue }
                      shown[p] = color
                      indices[by * box.width + bx] = index
                      if x < written.minX { written.minX = x }
                      if x > written.maxX { written.maxX = x }
                      if y < written.minY { written.minY = y }
                      if y > written.maxY { written.maxY = y }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    guard written.maxY >= 0 else { return nil }
    // 3. The indices of the rectangle that was written.
    let rect = PixelRect(
      x: written.minX, y: written.minY, width: written.maxX - written.minX + 1,
      height: written.maxY - written.minY + 1)
    if rect == box { return Result(rect: rect, indices: indices) }
    var tight = [UInt8](repeating: transparent, count: rect.width * rect.height)
    for y in 0..<rect.height {
      let from = (rect.y - box.y + y) * box.width + (rect.x - box.x)
      tight.replaceSubrange(
        y * rect.width..<(y + 1) * rect.width, with: indices[from..<from + rect.width])
    }
    return Result(rect: rect, indices: tight)
  }

  /// `result`'s indices with each transparent pixel replaced by the index of what is shown
  /// there (after `result` is applied), when every such colour is in `table`; else `nil`.
  func opaqueIndices(_ result: Result, table: inout GIFColorTable) -> [UInt8]? {
    let rect = result.rect
    let transparent = table.transparentIndex
    var indices = result.indices
    for y in 0..<rect.height {
      for x in 0..<rect.width where indices[y * rect.width + x] == transparent {
        let pixel = shown[(rect.y + y) * size.width + rect.x + x]
        let r = UInt8(pixel & 0xFF)
        let g = UInt8((pixel >> 8) & 0xFF)
        let b = UInt8((pixel >> 16) & 0xFF)
        let index = table.index(red: r, green: g, blue: b)
        let c = table.colors[Int(index)]
        guard c.red == r, c.green == g, c.blue == b else { return nil }
        indices[y * rect.width + x] = index
      }
    }
    return indices
  }

  /// Brings what is shown up to date with the indices as written (lossy LZW may have
  /// replaced some by close colours).
  mutating func commit(_ result: Result, colors: [RGBColor], transparent: UInt8) {
    let rect = result.rect
    for y in 0..<rect.height {
      for x in 0..<rect.width {
        let index = result.indices[y * rect.width + x]
        guard index != transparent, Int(index) < colors.count else { continue }
        let c = colors[Int(index)]
        shown[(rect.y + y) * size.width + rect.x + x] =
          UInt32(c.red) | UInt32(c.green) << 8 | UInt32(c.blue) << 16
      }
    }
  }

  @inline(__always)
  private static func spread(
    _ r: Float, _ g: Float, _ b: Float, into errors: UnsafeMutableBufferPointer<Float>,
    at e: Int, next n: Int, sierra: Bool
  ) {
    if sierra {
      // Sierra-2-4A: right 2/4, below-left 1/4, below 1/4.
      errors[e + 3] += r * 0.5
      errors[e + 4] += g * 0.5
      errors[e + 5] += b * 0.5
      errors[n - 3] += r * 0.25
      errors[n - 2] += g * 0.25
      errors[n - 1] += b * 0.25
      errors[n] += r * 0.25
      errors[n + 1] += g * 0.25
      errors[n + 2] += b * 0.25
    } else {
      // Floyd–Steinberg: right 7/16, below-left 3/16, below 5/16, below-right 1/16.
      errors[e + 3] += r * 0.4375
      errors[e + 4] += g * 0.4375
      errors[e + 5] += b * 0.4375
      errors[n - 3] += r * 0.1875
      errors[n - 2] += g * 0.1875
      errors[n - 1] += b * 0.1875
      errors[n] += r * 0.3125
      errors[n + 1] += g * 0.3125
      errors[n + 2] += b * 0.3125
      errors[n + 3] += r * 0.0625
      errors[n + 4] += g * 0.0625
      errors[n + 5] += b * 0.0625
    }
  }

  @inline(__always)
  private static func clamp(_ value: Float) -> UInt8 {
    UInt8(max(0, min(255, value.rounded())))
  }

  @inline(__always)
  static func distance(_ a: UInt32, _ b: UInt32) -> Int {
    let dr = Int(a & 0xFF) - Int(b & 0xFF)
    let dg = Int((a >> 8) & 0xFF) - Int((b >> 8) & 0xFF)
    let db = Int((a >> 16) & 0xFF) - Int((b >> 16) & 0xFF)
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db
  }

  /// An 8×8 Bayer matrix, centred on zero, in sixty-fourths (−0.5 … 0.48).
  private static let bayer: [Float] = [
    0, 32, 8, 40, 2, 34, 10, 42, 48, 16, 56, 24, 50, 18, 58, 26, 12, 44, 4, 36, 14, 46, 6, 38,
    60, 28, 52, 20, 62, 30, 54, 22, 3, 35, 11, 43, 1, 33, 9, 41, 51, 19, 59, 27, 49, 17, 57, 25,
    15, 47, 7, 39, 13, 45, 5, 37, 63, 31, 55, 23, 61, 29, 53, 21,
  ].map { (Float($0) - 32) / 64 }
}
