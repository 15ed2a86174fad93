public import LumenCore

/// One feature of a basemap (a state or a country): its polygons, each a list of rings (the
/// outer boundary first, then holes), in the basemap's own units.
public struct BasemapFeature: Sendable {
  /// The display name (`"Michigan"`, `"Canada"`).
  public var name: String
  /// A short code (`"MI"`, `"CAN"`).
  public var code: String
  /// Polygons → rings → points. Lon/lat basemaps store x = longitude, y = latitude.
  public var polygons: [[[Point]]]

  public init(name: String, code: String, polygons: [[[Point]]]) {
    self.name = name
    self.code = code
    self.polygons = polygons
  }

  /// Whether `point` lies inside the feature (even-odd rule over all rings).
  public func contains(_ point: Point) -> Bool {
    var inside = false
    for polygon in polygons {
      for ring in polygon where ring.count > 2 {
        var j = ring.count - 1
        for i in 0..<ring.count {
          let a = ring[i]
          let b = ring[j]
          if (a.y > point.y) != (b.y > point.y),
            point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x
          {
            inside.toggle()
          }
          j = i
        }
      }
    }
    return inside
  }
}
