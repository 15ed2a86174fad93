public import LumenCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Equal Earth projection (Šavrič, Patterson & Jenny 2018): equal-area, for world maps.
/// Units are radians of the unit sphere scaled by the WGS84 radius, y growing northwards.
public struct EqualEarth: Sendable, Hashable {
  /// The central meridian, in degrees.
  public var centralMeridian: Double

  public init(centralMeridian: Double = 0) {
    self.centralMeridian = centralMeridian
  }

  /// Projects a coordinate to map metres.
  public func project(_ c: GeoCoordinate) -> Point {
    let a1 = 1.340264
    let a2 = -0.081106
    let a3 = 0.000893
    let a4 = 0.003796
    var lambda = (c.longitude - centralMeridian) * .pi / 180
    if lambda > .pi { lambda -= 2 * .pi } else if lambda < -.pi { lambda += 2 * .pi }
    let theta = asin(3.0.squareRoot() / 2 * sin(c.latitude * .pi / 180))
    let t2 = theta * theta
    let t6 = t2 * t2 * t2
    let x =
      2 * 3.0.squareRoot() * lambda * cos(theta)
      / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
    let y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return Point(x: x * 6_371_008.8, y: y * 6_371_008.8)
  }
}
