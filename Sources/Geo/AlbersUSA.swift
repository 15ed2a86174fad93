public import LumenCore

/// The "Albers USA" composite: the lower 48 states in CONUS Albers (EPSG:5070 parameters),
/// Alaska in Alaska Albers scaled by 0.35 and moved to the lower left, Hawaii in its own Albers
/// moved right of Alaska, Puerto Rico shifted west under Florida.
///
/// These are the constants of `../shared/mapdata/make_mapdata.py`, which pre-projected the
/// bundled `us_states_albers_usa.geojson`; points go through the same transform so that they
/// land on the same polygons. Units are metres of the lower-48 frame, y growing northwards.
public struct AlbersUSA: Sendable {
  /// Which part of the composite a coordinate belongs to.
  public enum Inset: String, Sendable, Hashable, CaseIterable, Codable {
    case lower48, alaska, hawaii, puertoRico
  }

  private let lower48 = AlbersEqualArea(
    standardParallels: (29.5, 45.5), originLatitude: 23, centralMeridian: -96)
  private let alaska = AlbersEqualArea(
    standardParallels: (55, 65), originLatitude: 50, centralMeridian: -154)
  private let hawaii = AlbersEqualArea(
    standardParallels: (8, 18), originLatitude: 13, centralMeridian: -157)

  public init() {}

  /// The inset a coordinate is drawn in (`region_of` in make_mapdata.py).
  public static func inset(of c: GeoCoordinate) -> Inset {
    if c.latitude > 50.5 && (c.longitude < -129 || c.longitude > 170) { return .alaska }
    if c.latitude > 18 && c.latitude < 23 && c.longitude > -161 && c.longitude < -154 {
      return .hawaii
    }
    if c.latitude > 17.5 && c.latitude < 18.7 && c.longitude > -68 && c.longitude < -65 {
      return .puertoRico
    }
    return .lower48
  }

  /// Whether a coordinate lies in an area the composite shows well: the lower 48 with the
  /// Great Lakes and near coasts, Alaska with the Aleutians, Hawaii's main islands, Puerto Rico.
  public static func covers(_ c: GeoCoordinate) -> Bool {
    switch inset(of: c) {
    case .alaska: return c.latitude < 72
    case .hawaii, .puertoRico: return true
    case .lower48:
      return (23.5...50).contains(c.latitude) && (-126...(-65)).contains(c.longitude)
    }
  }

  /// Projects a coordinate into the composite frame.
  public func project(_ c: GeoCoordinate) -> Point {
    switch Self.inset(of: c) {
    case .lower48: return lower48.project(c)
    case .alaska:
      let p = alaska.project(c)
      return Point(x: p.x * 0.35 - 1.55e6, y: p.y * 0.35 - 0.05e6)
    case .hawaii:
      let p = hawaii.project(c)
      return Point(x: p.x - 0.65e6, y: p.y - 0.43e6)
    case .puertoRico:
      let p = lower48.project(c)
      return Point(x: p.x - 0.85e6, y: p.y + 0.50e6)
    }
  }
}
