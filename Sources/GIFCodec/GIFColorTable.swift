public import LumenCore

/// A GIF colour table: up to 255 colours plus one index kept for "unchanged" pixels, with a
/// nearest-colour lookup (weighted RGB) cached per 7-bit-per-channel cell (±1 level), filled
/// as colours are met. A cell holding two palette colours is searched exactly every time, so
/// a colour of the palette always maps to itself.
///
/// ```swift
/// var table = GIFColorTable(colors: [.black, .white, RGBColor(red: 255, green: 0, blue: 0)])
/// table.index(red: 250, green: 10, blue: 5)   // 2
/// ```
public struct GIFColorTable: Sendable {
  /// The most colours a table holds (one of GIF's 256 indices is the transparent index).
  public static let maximumColors = 255

  /// The colours, in index order.
  public let colors: [RGBColor]
  /// The index after the colours: transparent, the pixel below unchanged.
  public var transparentIndex: UInt8 { UInt8(colors.count) }

  private var cache: [UInt16]
  private let packed: [(Int32, Int32, Int32)]

  private static let empty: UInt16 = 0xFFFF
  private static let shared: UInt16 = 0xFFFE

  /// - Parameter colors: 1…255 colours; extra ones are dropped, an empty list becomes black.
  public init(colors: [RGBColor]) {
    let kept = Array(colors.prefix(Self.maximumColors))
    self.colors = kept.isEmpty ? [.black] : kept
    packed = self.colors.map { (Int32($0.red), Int32($0.green), Int32($0.blue)) }

    var cache = [UInt16](repeating: Self.empty, count: 1 << 21)
    for (i, c) in self.colors.enumerated() {
      let cell = Self.cell(c.red, c.green, c.blue)
      cache[cell] = cache[cell] == Self.empty ? UInt16(i) : Self.shared
    }
    // A cell holding one palette colour keeps it (its other colours are within a level).
    self.cache = cache
  }

  @inline(__always)
  private static func cell(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int {
    Int(red >> 1) << 14 | Int(green >> 1) << 7 | Int(blue >> 1)
  }

  /// The index of the nearest colour (weighted RGB: 2·ΔR² + 4·ΔG² + 3·ΔB²).
  @inline(__always)
  public mutating func index(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
    let cell = Self.cell(red, green, blue)
    let cached = cache[cell]
    if cached < Self.shared { return UInt8(truncatingIfNeeded: cached) }
    let exact = cached == Self.shared
    let r = Int32(exact ? red : red | 1)
    let g = Int32(exact ? green : green | 1)
    let b = Int32(exact ? blue : blue | 1)
    var best = 0
    var bestDistance = Int32.max
    packed.withUnsafeBufferPointer { colors in
      for i in 0..<colors.count {
        let c = colors[i]
        let dr = c.0 &- r
        let dg = c.1 &- g
        let db = c.2 &- b
        let distance = 2 &* dr &* dr &+ 4 &* dg &* dg &+ 3 &* db &* db
        if distance < bestDistance {
          bestDistance = distance
          best = i
        }
      }
    }
    if !exact { cache[cell] = UInt16(best) }
    return UInt8(best)
  }
}
