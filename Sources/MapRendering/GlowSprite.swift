/// The alpha of one light's glow: an antialiased core disc inside a soft Gaussian halo, and
/// optionally a ring around the core, as 0…256 weights around a centre pixel.
struct GlowSprite: Sendable {
  /// Pixels from the centre to the edge of the square.
  let radius: Int
  /// Row-major weights of the light's colour, `(2 × radius + 1)²` of them, 0…256.
  let weights: [Int32]
  /// Row-major weights of the ring's colour (a disc drawn under the core), or empty without a
  /// ring.
  let ringWeights: [Int32]

  /// - Parameters:
  ///   - coreRadius: The radius of the fully coloured disc.
  ///   - haloRadius: How far the halo reaches.
  ///   - ringWidth: The width of a ring around the core (0 for none); the halo starts outside it.
  init(coreRadius: Double, haloRadius: Double, ringWidth: Double = 0) {
    let r = max(1, Int(max(haloRadius, coreRadius + ringWidth + 1).rounded(.up)))
    radius = r
    let side = 2 * r + 1
    var weights = [Int32](repeating: 0, count: side * side)
    var ringWeights = [Int32](repeating: 0, count: ringWidth > 0 ? side * side : 0)
    let sigma = max(haloRadius / 2.2, 0.5)
    for y in -r...r {
      for x in -r...r {
        let d = (Double(x * x + y * y)).squareRoot()
        let core = min(max(coreRadius + 0.5 - d, 0), 1)
        var halo = 0.6 * _exp(-(d * d) / (2 * sigma * sigma))
        let index = (y + r) * side + (x + r)
        if ringWidth > 0 {
          let ring = min(max(coreRadius + ringWidth + 0.5 - d, 0), 1)
          ringWeights[index] = Int32((ring * 256).rounded())
          halo *= 1 - ring
        }
        weights[index] = Int32((max(core, halo) * 256).rounded())
      }
    }
    self.weights = weights
    self.ringWeights = ringWeights
  }
}

#if canImport(Glibc)
  import Glibc
  private func _exp(_ x: Double) -> Double { Glibc.exp(x) }
#elseif canImport(Darwin)
  import Darwin
  private func _exp(_ x: Double) -> Double { Darwin.exp(x) }
#endif
