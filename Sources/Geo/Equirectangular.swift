public import LumenCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The equirectangular (plate carrée) projection with true scale at one latitude, for
/// regional maps fitted to a bounding box. Units are metres, y growing northwards.
public struct Equirectangular: Sendable, Hashable {
  /// The latitude of true scale, in degrees (the middle of the mapped box).
  public var standardLatitude: Double

  public init(standardLatitude: Double) {
    self.standardLatitude = standardLatitude
  }

  /// Projects a coordinate to map metres.
  public func project(_ c: GeoCoordinate) -> Point {
    let metresPerRadian = 6_371_008.8
    return Point(
      x: c.longitude * .pi / 180 * cos(standardLatitude * .pi / 180) * metresPerRadian,
      y: c.latitude * .pi / 180 * metresPerRadian)
  }
}
