public import Geo
public import LumenCore

/// One point of a map: where it is and how its light looks.
public struct MapPoint: Sendable, Hashable {
  /// Where it is.
  public var coordinate: GeoCoordinate
  /// Its name, when the data has one.
  public var name: String?
  /// A colour that overrides the light's own (from a `color` column).
  public var color: RGBColor?
  /// A size factor (1 = the default disc), from a `size` column.
  public var sizeFactor: Double
  /// A light characteristic as on charts (`Fl(2) R 6s`), from a `characteristic` column.
  public var characteristic: String?

  public init(
    coordinate: GeoCoordinate, name: String? = nil, color: RGBColor? = nil, sizeFactor: Double = 1,
    characteristic: String? = nil
  ) {
    self.coordinate = coordinate
    self.name = name
    self.color = color
    self.sizeFactor = sizeFactor
    self.characteristic = characteristic
  }
}
