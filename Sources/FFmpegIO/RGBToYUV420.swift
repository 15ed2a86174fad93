internal import CFFmpeg
internal import LumenCore

/// Converts opaque 8-bit RGBA to limited-range Y′CbCr 4:2:0 planes (BT.601 or BT.709) in one
/// pass.
///
/// swscale's generic RGBA input path cost about 3.4 ns per pixel here; this integer loop
/// (16-bit fixed point from ``YUVMatrix``, chroma from the mean of each 2×2 block, as swscale's default) is the
/// conversion `VideoWriter` uses when no resizing is needed. Even sizes only.
enum RGBToYUV420 {
  /// Writes `image` into the frame's three planes (the frame must be `width`×`height` yuv420p).
  static func convert(_ image: RGBAImage, matrix: YUVMatrix, into frame: UnsafeMutablePointer<AVFrame>) {
    let k = matrix.fixedPointCoefficients
    let (yR, yG, yB) = (k[0], k[1], k[2])
    let (uR, uG, uB) = (k[3], k[4], k[5])
    let (vR, vG, vB) = (k[6], k[7], k[8])
    @inline(__always) func luma(_ r: Int, _ g: Int, _ b: Int) -> UInt8 {
      UInt8(truncatingIfNeeded: (yR * r + yG * g + yB * b + (16 << 16) + (1 << 15)) >> 16)
    }
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
}
