/// A position on the Earth in decimal degrees (WGS84).
public struct GeoCoordinate: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Degrees north of the equator, −90…90.
  public var latitude: Double
  /// Degrees east of Greenwich, −180…180.
  public var longitude: Double

  public init(latitude: Double, longitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
  }

  /// Whether both values are finite and in range.
  public var isValid: Bool {
    latitude.isFinite && longitude.isFinite && (-90...90).contains(latitude)
      && (-180...180).contains(longitude)
  }

  public var description: String { "\(latitude), \(longitude)" }
}
