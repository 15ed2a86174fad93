internal import LumenCore

/// The mean structural similarity (SSIM, Wang et al. 2004) of two pictures' luma (BT.601),
/// over 8×8 windows side by side — the measure of how true a GIF frame is to its
/// source frame (1 is identical).
enum StructuralSimilarity {
  /// SSIM of `image` (RGBA) against `shown` (0x00BBGGRR per pixel, the same size).
  static func mean(_ image: RGBAImage, _ shown: [UInt32]) -> Double {
    let width = image.width
    let height = image.height
    guard width >= 8, height >= 8 else { return exactShare(image, shown) }
    var lumaA = [Float](repeating: 0, count: width * height)
    var lumaB = lumaA
    image.bytes.withUnsafeBytes { raw in
      let source = raw.bindMemory(to: UInt32.self)
      for i in 0..<(width * height) {
        lumaA[i] = luma(source[i])
        lumaB[i] = luma(shown[i])
      }
    }
    let c1: Float = (0.01 * 255) * (0.01 * 255)
    let c2: Float = (0.03 * 255) * (0.03 * 255)
    var total = 0.0
    var windows = 0
    var y = 0
    while y + 8 <= height {
      var x = 0
      while x + 8 <= width {
        var sa: Float = 0
        var sb: Float = 0
        var saa: Float = 0
        var sbb: Float = 0
        var sab: Float = 0
        for dy in 0..<8 {
          let row = (y + dy) * width + x
          for dx in 0..<8 {
            let a = lumaA[row + dx]
            let b = lumaB[row + dx]
            sa += a
            sb += b
            saa += a * a
            sbb += b * b
            sab += a * b
          }
        }
        let n: Float = 64
        let ma = sa / n
        let mb = sb / n
        let va = max(0, saa / n - ma * ma)
        let vb = max(0, sbb / n - mb * mb)
        let cov = sab / n - ma * mb
        let ssim =
          ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
        total += Double(ssim)
        windows += 1
        x += 8
      }
      y += 8
    }
    return windows > 0 ? total / Double(windows) : 1
  }

  @inline(__always)
  private static func luma(_ pixel: UInt32) -> Float {
    0.299 * Float(pixel & 0xFF) + 0.587 * Float((pixel >> 8) & 0xFF)
      + 0.114 * Float((pixel >> 16) & 0xFF)
  }

  /// For pictures too small for a window: the share of pixels that are identical.
  private static func exactShare(_ image: RGBAImage, _ shown: [UInt32]) -> Double {
    var same = 0
    image.bytes.withUnsafeBytes { raw in
      let source = raw.bindMemory(to: UInt32.self)
      for i in 0..<shown.count where source[i] & 0x00FF_FFFF == shown[i] { same += 1 }
    }
    return shown.isEmpty ? 1 : Double(same) / Double(shown.count)
  }
}
