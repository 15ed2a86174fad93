/// The alpha of one light's glow: an antialiased core disc inside a soft Gaussian halo, as
/// 0…256 weights around a centre pixel.
struct GlowSprite: Sendable {
  /// Pixels from the centre to the edge of the square.
  let radius: Int
  /// Row-major weights, `(2 × radius + 1)²` of them, 0…256.
  let weights: [Int32]

  init(coreRadius: Double, haloRadius: Double) {
    let r = max(1, Int(haloRadius.rounded(.up)))
    radius = r
    let side = 2 * r + 1
    var weights = [Int32](repeating: 0, count: side * side)
    let sigma = max(haloRadius / 2.2, 0.5)
    for y in -r...r {
      for x in -r...r {
        let d = (Double(x * x + y * y)).squareRoot()
        let core = min(max(coreRadius + 0.5 - d, 0), 1)
        let halo = 0.6 * _exp(-(d * d) / (2 * sigma * sigma))
        weights[(y + r) * side + (x + r)] = Int32((max(core, halo) * 256).rounded())
      }
    }
    self.weights = weights
  }
}

#if canImport(Glibc)
  import Glibc
  private func _exp(_ x: Double) -> Double { Glibc.exp(x) }
#elseif canImport(Darwin)
  import Darwin
  private func _exp(_ x: Double) -> Double { Darwin.exp(x) }
#endif
