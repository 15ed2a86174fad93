import Foundation

/// A latitude/longitude box (not crossing the antimeridian).
public struct GeoBounds: Sendable, Hashable, Codable, CustomStringConvertible {
  public var west: Double
  public var south: Double
  public var east: Double
  public var north: Double

  public init(west: Double, south: Double, east: Double, north: Double) {
    self.west = west
    self.south = south
    self.east = east
    self.north = north
  }

  /// The smallest box holding every coordinate, or `nil` for none.
  public init?(enclosing coordinates: some Sequence<GeoCoordinate>) {
    var west = Double.infinity, south = Double.infinity
    var east = -Double.infinity, north = -Double.infinity
    for c in coordinates {
      west = min(west, c.longitude); east = max(east, c.longitude)
      south = min(south, c.latitude); north = max(north, c.latitude)
    }
    guard west <= east else { return nil }
    self.init(west: west, south: south, east: east, north: north)
  }

  /// Parses `W,S,E,N` in degrees (`-90,41,-84,46.5`).
  public init?(parsing text: String) {
    let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 4, let w = parts[0], let s = parts[1], let e = parts[2], let n = parts[3],
      w < e, s < n, (-180...180).contains(w), (-180...180).contains(e), (-90...90).contains(s),
      (-90...90).contains(n)
    else { return nil }
    self.init(west: w, south: s, east: e, north: n)
  }

  /// Whether the box holds `coordinate`.
  public func contains(_ coordinate: GeoCoordinate) -> Bool {
    (south...north).contains(coordinate.latitude) && (west...east).contains(coordinate.longitude)
  }

  /// The box grown by `fraction` of its size on every side (at least `minimumDegrees`), kept
  /// within the globe.
  public func padded(by fraction: Double, minimumDegrees: Double) -> GeoBounds {
    let dx = max((east - west) * fraction, minimumDegrees)
    let dy = max((north - south) * fraction, minimumDegrees)
    // Clamped to the globe (the equirectangular boxes this serves reach the poles): clamping to
    // a narrower band turned a box near a pole inside out (south 88.9 above north 85).
    return GeoBounds(
      west: max(-180, west - dx), south: max(-90, south - dy), east: min(180, east + dx),
      north: min(90, north + dy))
  }

  public var description: String { "\(west),\(south),\(east),\(north)" }
}
