import LumenCore
import Testing

@testable import FFmpegIO

/// The integer converter against the matrix written out in floating point, with chroma as the
/// mean of each column pair filtered 1-3-3-1 down the rows (edges repeated).
@Suite struct RGBToYUV420Tests {
  /// Luma weights (Kr, Kb) of each matrix, from the standards.
  static func weights(_ matrix: YUVMatrix) -> (kr: Double, kb: Double) {
    switch matrix {
    case .bt601: (0.299, 0.114)
    case .bt709: (0.2126, 0.0722)
    }
  }

  /// The expected planes, computed pixel by pixel in Double.
  static func reference(_ image: RGBAImage, _ matrix: YUVMatrix) -> (
    y: [Double], u: [Double], v: [Double]
  ) {
    let (kr, kb) = weights(matrix)
    let kg = 1 - kr - kb
    let (w, h) = (image.width, image.height)
    func rgb(_ x: Int, _ y: Int) -> (Double, Double, Double) {
      let i = 4 * (min(max(y, 0), h - 1) * w + x)
      return (Double(image.bytes[i]), Double(image.bytes[i + 1]), Double(image.bytes[i + 2]))
    }
    var luma: [Double] = []
    for y in 0..<h {
      for x in 0..<w {
        let (r, g, b) = rgb(x, y)
        luma.append(16 + 219 / 255 * (kr * r + kg * g + kb * b))
      }
    }
    var (u, v) = ([Double](), [Double]())
    for cy in 0..<(h / 2) {
      for cx in 0..<(w / 2) {
        var (r, g, b) = (0.0, 0.0, 0.0)
        for (dy, weight) in [(-1, 1.0), (0, 3), (1, 3), (2, 1)] {
          for dx in 0..<2 {
            let p = rgb(2 * cx + dx, 2 * cy + dy)
            (r, g, b) = (r + weight * p.0, g + weight * p.1, b + weight * p.2)
          }
        }
        (r, g, b) = (r / 16, g / 16, b / 16)
        let luma = kr * r + kg * g + kb * b
        u.append(128 + 224 / 255 * (b - luma) / (2 * (1 - kb)))
        v.append(128 + 224 / 255 * (r - luma) / (2 * (1 - kr)))
      }
    }
    return (luma, u, v)
  }

  @Test(arguments: [(YUVMatrix.bt601, 18, 10), (.bt709, 40, 6), (.bt601, 2, 2), (.bt709, 34, 2)])
  func matchesTheMatrixWithCentredChroma(matrix: YUVMatrix, width: Int, height: Int) {
    var generator = SplitMix64(seed: UInt64(width * 131 + height))
    var bytes = [UInt8](repeating: 255, count: width * height * 4)
    for i in bytes.indices where i % 4 != 3 {
      bytes[i] = UInt8(truncatingIfNeeded: generator.next())
    }
    let image = RGBAImage(width: width, height: height, bytes: bytes)
    let (uStride, yStride) = (width / 2 + 5, width + 3)  // strides wider than the rows
    var y = [UInt8](repeating: 0, count: yStride * height)
    var u = [UInt8](repeating: 0, count: uStride * height / 2)
    var v = u
    y.withUnsafeMutableBufferPointer { y in
      u.withUnsafeMutableBufferPointer { u in
        v.withUnsafeMutableBufferPointer { v in
          RGBToYUV420.convert(
            image, matrix: matrix,
            into: .init(
              y: y.baseAddress!, yStride: yStride, u: u.baseAddress!, uStride: uStride,
              v: v.baseAddress!, vStride: uStride))
        }
      }
    }
    let expected = Self.reference(image, matrix)
    var worst = 0.0
    for row in 0..<height {
      for x in 0..<width {
        worst = max(worst, abs(Double(y[row * yStride + x]) - expected.y[row * width + x]))
      }
    }
    for row in 0..<(height / 2) {
      for x in 0..<(width / 2) {
        let i = row * (width / 2) + x
        worst = max(worst, abs(Double(u[row * uStride + x]) - expected.u[i]))
        worst = max(worst, abs(Double(v[row * uStride + x]) - expected.v[i]))
      }
    }
    #expect(worst < 0.51 + 0.01, "largest difference \(worst) levels")
  }
}
