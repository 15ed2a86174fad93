public import LumenCore

/// The projection a map is drawn in.
public enum MapProjection: Sendable {
  /// The US composite with insets; for the bundled pre-projected states.
  case albersUSA(AlbersUSA)
  /// Equal Earth, for the whole world.
  case equalEarth(EqualEarth)
  /// Equirectangular with true scale at a latitude, for a region.
  case equirectangular(Equirectangular)

  /// A short name for reports (`"albers-usa"`).
  public var name: String {
    switch self {
    case .albersUSA: "albers-usa"
    case .equalEarth: "equal-earth"
    case .equirectangular: "equirectangular"
    }
  }

  /// Projects a coordinate to map metres (y northwards).
  public func project(_ c: GeoCoordinate) -> Point {
    switch self {
    case .albersUSA(let p): p.project(c)
    case .equalEarth(let p): p.project(c)
    case .equirectangular(let p): p.project(c)
    }
  }
}
