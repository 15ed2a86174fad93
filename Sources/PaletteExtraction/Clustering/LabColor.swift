/// A colour in a perceptual space: CIELAB (D65) or OKLab, as `l`, `a`, `b`.
///
/// CIELAB uses L in 0…100; OKLab uses L in 0…1, so distances are only comparable within one
/// space.
public struct LabColor: Sendable, Hashable {
  public var l: Float
  public var a: Float
  public var b: Float

  public init(l: Float, a: Float, b: Float) {
    self.l = l
    self.a = a
    self.b = b
  }

  /// The chroma √(a² + b²).
  public var chroma: Float { (a * a + b * b).squareRoot() }

  /// The hue angle in degrees, 0…360.
  public var hueDegrees: Float {
    let angle = atan2f(b, a) * 180 / .pi
    return angle < 0 ? angle + 360 : angle
  }

  /// The squared Euclidean distance (ΔE*76² in CIELAB).
  public func squaredDistance(to other: LabColor) -> Float {
    let dl = l - other.l
    let da = a - other.a
    let db = b - other.b
    return dl * dl + da * da + db * db
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
