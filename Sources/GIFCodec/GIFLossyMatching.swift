public import LumenCore

/// How far LZW matching may stray from the wanted colour (gifsicle's `--lossy`): an index may
/// be replaced by another whose colour is within `threshold` (a weighted squared RGB distance).
public struct GIFLossyMatching: Sendable {
  /// The colour of each index.
  public let colors: [RGBColor]
  /// The largest weighted squared distance (2·ΔR² + 4·ΔG² + 3·ΔB²) accepted.
  public let threshold: Int
  /// An index that never replaces nor is replaced (the "unchanged" index), if any.
  public let transparentIndex: UInt8?

  /// - Parameters:
  ///   - level: 0…200 as gifsicle's `--lossy`; the accepted RGB difference grows with it
  ///     (about `level / 12` per channel).
  public init(colors: [RGBColor], level: Int, transparentIndex: UInt8?) {
    self.colors = colors
    let step = Double(max(0, level)) / 12
    threshold = Int(9 * step * step)
    self.transparentIndex = transparentIndex
  }

  @inline(__always)
  func distance(_ a: UInt8, _ b: UInt8) -> Int {
    guard Int(a) < colors.count, Int(b) < colors.count else { return Int.max }
    let x = colors[Int(a)]
    let y = colors[Int(b)]
    let dr = Int(x.red) - Int(y.red)
    let dg = Int(x.green) - Int(y.green)
    let db = Int(x.blue) - Int(y.blue)
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db
  }
}
