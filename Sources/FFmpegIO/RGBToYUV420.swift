internal import CFFmpeg
internal import LumenCore

/// Converts opaque 8-bit RGBA to limited-range BT.709 Y′CbCr 4:2:0 planes in one pass.
///
/// swscale's generic RGBA input path cost about 3.4 ns per pixel here; this integer loop
/// (16-bit fixed point, chroma from the mean of each 2×2 block, as swscale's default) is the
/// conversion `VideoWriter` uses when no resizing is needed. Even sizes only.
enum RGBToYUV420 {
  // BT.709: Kr = 0.2126, Kb = 0.0722; limited range: Y in 16…235, Cb/Cr in 16…240.
  // Coefficients scaled by 2^16.
  private static let yR = 11_966  // 0.2126 × 219/255 × 65536
  private static let yG = 40_254  // 0.7152 × 219/255 × 65536
  private static let yB = 4_064  // 0.0722 × 219/255 × 65536
  private static let uR = -6_596  // −0.2126/1.8556 × 224/255 × 65536
  private static let uG = -22_189  // −0.7152/1.8556 × 224/255 × 65536
  private static let uB = 28_784  // 0.5 × 224/255 × 65536
  private static let vR = 28_784  // 0.5 × 224/255 × 65536
  private static let vG = -26_145  // −0.7152/1.5748 × 224/255 × 65536
  private static let vB = -2_639  // −0.0722/1.5748 × 224/255 × 65536

  /// Writes `image` into the frame's three planes (the frame must be `width`×`height` yuv420p).
  static func convert(_ image: RGBAImage, into frame: UnsafeMutablePointer<AVFrame>) {
    let width = image.width
    let height = image.height
    let yStride = Int(frame.pointee.linesize.0)
    let uStride = Int(frame.pointee.linesize.1)
    let vStride = Int(frame.pointee.linesize.2)
    let yPlane = frame.pointee.data.0!
    let uPlane = frame.pointee.data.1!
    let vPlane = frame.pointee.data.2!
    image.bytes.withUnsafeBufferPointer { rgba in
      let pixels = rgba.baseAddress!
      for row in stride(from: 0, to: height, by: 2) {
        let top = pixels + row * width * 4
        let bottom = top + width * 4
        let yTop = yPlane + row * yStride
        let yBottom = yTop + yStride
        let u = uPlane + (row / 2) * uStride
        let v = vPlane + (row / 2) * vStride
        for column in stride(from: 0, to: width, by: 2) {
          let i = column * 4
          let r0 = Int(top[i]), g0 = Int(top[i + 1]), b0 = Int(top[i + 2])
          let r1 = Int(top[i + 4]), g1 = Int(top[i + 5]), b1 = Int(top[i + 6])
          let r2 = Int(bottom[i]), g2 = Int(bottom[i + 1]), b2 = Int(bottom[i + 2])
          let r3 = Int(bottom[i + 4]), g3 = Int(bottom[i + 5]), b3 = Int(bottom[i + 6])
          yTop[column] = luma(r0, g0, b0)
          yTop[column + 1] = luma(r1, g1, b1)
          yBottom[column] = luma(r2, g2, b2)
          yBottom[column + 1] = luma(r3, g3, b3)
          let r = r0 + r1 + r2 + r3
          let g = g0 + g1 + g2 + g3
          let b = b0 + b1 + b2 + b3
          // Sums of four pixels: shift by 2 more bits, round, offset 128.
          u[column / 2] = UInt8(truncatingIfNeeded: (uR * r + uG * g + uB * b + (128 << 18) + (1 << 17)) >> 18)
          v[column / 2] = UInt8(truncatingIfNeeded: (vR * r + vG * g + vB * b + (128 << 18) + (1 << 17)) >> 18)
        }
      }
    }
  }

  @inline(__always)
  private static func luma(_ r: Int, _ g: Int, _ b: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: (yR * r + yG * g + yB * b + (16 << 16) + (1 << 15)) >> 16)
  }
}
