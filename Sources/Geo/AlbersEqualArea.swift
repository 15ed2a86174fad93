public import LumenCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Albers equal-area conic projection on the WGS84 ellipsoid (Snyder, *Map Projections —
/// A Working Manual*, formulas 14-3 to 14-6), in metres — the same numbers as PROJ's
/// `+proj=aea +datum=WGS84`.
public struct AlbersEqualArea: Sendable, Hashable {
  static let semiMajorAxisMetres = 6_378_137.0
  static let eccentricitySquared = 0.006_694_379_990_14

  private let n: Double
  private let c: Double
  private let rho0: Double
  private let centralMeridianRadians: Double

  /// - Parameters:
  ///   - standardParallels: the two latitudes of true scale, in degrees.
  ///   - originLatitude: the latitude of the origin (y = 0), in degrees.
  ///   - centralMeridian: the longitude of the origin (x = 0), in degrees.
  public init(standardParallels: (Double, Double), originLatitude: Double, centralMeridian: Double)
  {
    let phi1 = standardParallels.0 * .pi / 180
    let phi2 = standardParallels.1 * .pi / 180
    let m1 = Self.m(phi1)
    let m2 = Self.m(phi2)
    let q1 = Self.q(phi1)
    let q2 = Self.q(phi2)
    let q0 = Self.q(originLatitude * .pi / 180)
    n = (m1 * m1 - m2 * m2) / (q2 - q1)
    c = m1 * m1 + n * q1
    rho0 = Self.semiMajorAxisMetres * (c - n * q0).squareRoot() / n
    centralMeridianRadians = centralMeridian * .pi / 180
  }

  public static func == (a: Self, b: Self) -> Bool {
    a.n == b.n && a.c == b.c && a.rho0 == b.rho0
      && a.centralMeridianRadians == b.centralMeridianRadians
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(n)
    hasher.combine(c)
    hasher.combine(rho0)
    hasher.combine(centralMeridianRadians)
  }

  /// Projects a coordinate to metres east (`x`) and north (`y`) of the origin.
  public func project(_ coordinate: GeoCoordinate) -> Point {
    let phi = coordinate.latitude * .pi / 180
    var dLambda = coordinate.longitude * .pi / 180 - centralMeridianRadians
    if dLambda > .pi { dLambda -= 2 * .pi } else if dLambda < -.pi { dLambda += 2 * .pi }
    let rho = Self.semiMajorAxisMetres * max(0, c - n * Self.q(phi)).squareRoot() / n
    let theta = n * dLambda
    return Point(x: rho * sin(theta), y: rho0 - rho * cos(theta))
  }

  private static func m(_ phi: Double) -> Double {
    let s = sin(phi)
    return cos(phi) / (1 - eccentricitySquared * s * s).squareRoot()
  }

  private static func q(_ phi: Double) -> Double {
    let e = eccentricitySquared.squareRoot()
    let s = sin(phi)
    return (1 - eccentricitySquared)
      * (s / (1 - eccentricitySquared * s * s) - 1 / (2 * e) * log((1 - e * s) / (1 + e * s)))
  }
}
