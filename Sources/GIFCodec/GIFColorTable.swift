public import LumenCore

/// A GIF global colour table: up to 255 colours plus one index kept for "unchanged" pixels,
/// with a nearest-colour lookup cached per 6-bit-per-channel cell.
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
  /// The index after the colours, used as the transparent "unchanged pixel" index.
  public var transparentIndex: UInt8 { UInt8(colors.count) }

  private var cache: [UInt16]
  private static let empty: UInt16 = 0xFFFF

  /// - Parameter colors: 1…255 colours; extra ones are dropped, an empty list becomes black.
  public init(colors: [RGBColor]) {
    let kept = Array(colors.prefix(Self.maximumColors))
    self.colors = kept.isEmpty ? [.black] : kept
    cache = [UInt16](repeating: Self.empty, count: 1 << 18)
  }

  /// The index of the palette colour nearest to a colour (weighted RGB distance), looked up
  /// by the centre of its 6-bit cell.
  @inline(__always)
  public mutating func index(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
    let cell = Int(red >> 2) << 12 | Int(green >> 2) << 6 | Int(blue >> 2)
    let cached = cache[cell]
    if cached != Self.empty { return UInt8(cached) }
    let found = nearest(
      red: Int(red & 0xFC) + 2, green: Int(green & 0xFC) + 2, blue: Int(blue & 0xFC) + 2)
    cache[cell] = UInt16(found)
    return found
  }

  private func nearest(red: Int, green: Int, blue: Int) -> UInt8 {
    var best = 0
    var bestDistance = Int.max
    for (i, c) in colors.enumerated() {
      let dr = Int(c.red) - red
      let dg = Int(c.green) - green
      let db = Int(c.blue) - blue
      let distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db
      if distance < bestDistance {
        bestDistance = distance
        best = i
      }
    }
    return UInt8(best)
  }
}
