public import LumenCore

/// How far LZW matching may stray from the wanted colour (gifsicle's `--lossy`): an index may
/// be replaced by another whose colour is within the wanted colour's threshold (a weighted
/// squared RGB distance).
///
/// The threshold grows with the wanted colour's lightness: the eye (and SSIM, whose
/// luminance term compares means relative to their size) sees a shift of a few levels in a
/// dark area where it does not in a light one, so near-black colours are matched almost
/// exactly.
public struct GIFLossyMatching: Sendable {
  /// The colour of each index.
  public let colors: [RGBColor]
  /// Per index, the largest weighted squared distance (2·ΔR² + 4·ΔG² + 3·ΔB²) accepted.
  public let thresholds: [Int]
  /// An index that never replaces nor is replaced (the "unchanged" index), if any.
  public let transparentIndex: UInt8?

  /// - Parameters:
  ///   - level: 0…200 as gifsicle's `--lossy`; the accepted difference grows with it: about
  ///     `level / 6` levels per channel for a mid-grey, a fifth of that near black.
  public init(colors: [RGBColor], level: Int, transparentIndex: UInt8?) {
    self.colors = colors
    let step = Double(max(0, level)) / 6
    thresholds = colors.map { color in
      let luma =
        0.299 * Double(color.red) + 0.587 * Double(color.green) + 0.114 * Double(color.blue)
      let scale = (luma + 24) / 152
      return Int(9 * step * step * scale * scale)
    }
    self.transparentIndex = transparentIndex
  }

  /// The threshold for replacing `index`.
  @inline(__always)
  func threshold(for index: UInt8) -> Int {
    Int(index) < thresholds.count ? thresholds[Int(index)] : 0
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
