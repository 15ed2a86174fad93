import LumenCore

/// Pixel comparisons for tests.
public enum ImageComparison {
  /// The mean absolute difference over the R, G, B channels of the overlapping area.
  public static func meanAbsoluteError(_ a: RGBAImage, _ b: RGBAImage) -> Double {
    let width = min(a.width, b.width)
    let height = min(a.height, b.height)
    var total = 0
    for y in 0..<height {
      for x in 0..<width {
        let p = a[x, y]
        let q = b[x, y]
        total +=
          abs(Int(p.red) - Int(q.red)) + abs(Int(p.green) - Int(q.green))
          + abs(Int(p.blue) - Int(q.blue))
      }
    }
    return Double(total) / Double(max(1, width * height * 3))
  }
}
