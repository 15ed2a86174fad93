import Foundation
import Geo
import LumenCore
import TestSupport
import Testing

@Suite struct ProjectionTests {
  static let states = Result { try Basemap.load(.usStatesAlbersUSA) }

  /// State capitals (and a few small-state cities) and the state they must land in after the
  /// composite transform, including Alaska, Hawaii and Puerto Rico in their insets.
  static let capitals: [(String, Double, Double)] = [
    ("AK", 58.3019, -134.4197), ("AK", 61.2181, -149.9003), ("HI", 21.3069, -157.8583),
    ("HI", 19.7297, -155.09), ("PR", 18.4655, -66.1057), ("CA", 38.5816, -121.4944),
    ("TX", 30.2672, -97.7431), ("CO", 39.7392, -104.9903), ("FL", 30.4383, -84.2807),
    ("ME", 44.3106, -69.7795), ("WA", 47.0379, -122.9007), ("MI", 42.7325, -84.5555),
    ("RI", 41.824, -71.4128), ("CT", 41.7658, -72.6734), ("DE", 39.1582, -75.5244),
    ("MA", 42.3601, -71.0589), ("NY", 42.6526, -73.7562), ("MN", 44.9537, -93.09),
    ("LA", 30.4515, -91.1871), ("DC", 38.8977, -77.0365), ("VT", 44.2601, -72.5754),
    ("NJ", 40.2206, -74.7597), ("WY", 41.14, -104.8202), ("AZ", 33.4484, -112.074),
  ]

  @Test(arguments: capitals)
  func capitalLandsInItsState(state: String, latitude: Double, longitude: Double) throws {
    let basemap = try Self.states.get()
    let feature = try #require(basemap.features.first { $0.code == state })
    let point = AlbersUSA().project(GeoCoordinate(latitude: latitude, longitude: longitude))
    #expect(feature.contains(point), "\(state) at \(point)")
    let others = basemap.features.filter { $0.code != state && $0.contains(point) }.map(\.code)
    #expect(others.isEmpty, "also inside \(others)")
  }

  @Test func insetsAreChosenByCoordinate() {
    #expect(AlbersUSA.inset(of: GeoCoordinate(latitude: 61.2181, longitude: -149.9003)) == .alaska)
    #expect(AlbersUSA.inset(of: GeoCoordinate(latitude: 21.3069, longitude: -157.8583)) == .hawaii)
    #expect(
      AlbersUSA.inset(of: GeoCoordinate(latitude: 18.4655, longitude: -66.1057)) == .puertoRico)
    #expect(AlbersUSA.inset(of: GeoCoordinate(latitude: 40.7, longitude: -74)) == .lower48)
  }

  @Test func albersOriginIsZeroAndAreasArePreserved() {
    let p = AlbersEqualArea(
      standardParallels: (29.5, 45.5), originLatitude: 23, centralMeridian: -96)
    let origin = p.project(GeoCoordinate(latitude: 23, longitude: -96))
    #expect(abs(origin.x) < 1e-6 && abs(origin.y) < 1e-6)
    // A 1°×1° cell has the same area wherever it is along a parallel.
    func area(_ lon: Double) -> Double {
      let a = p.project(GeoCoordinate(latitude: 40, longitude: lon))
      let b = p.project(GeoCoordinate(latitude: 40, longitude: lon + 1))
      let c = p.project(GeoCoordinate(latitude: 41, longitude: lon))
      return abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x))
    }
    #expect(abs(area(-120) / area(-80) - 1) < 1e-3)
    // Reference values from PROJ 9 (pyproj) for the same `+proj=aea` parameters on WGS84.
    let nyc = p.project(GeoCoordinate(latitude: 40.7128, longitude: -74.006))
    #expect(abs(nyc.x - 1_826_303.9688) < 0.01 && abs(nyc.y - 2_179_112.0266) < 0.01)
    let sf = p.project(GeoCoordinate(latitude: 37.7749, longitude: -122.4194))
    #expect(abs(sf.x - -2_275_431.9147) < 0.01 && abs(sf.y - 1_955_935.4172) < 0.01)
  }

  @Test func equalEarthKeepsTheEquatorAndMeridianStraight() {
    let p = EqualEarth()
    #expect(p.project(GeoCoordinate(latitude: 0, longitude: 0)) == Point(x: 0, y: 0))
    let east = p.project(GeoCoordinate(latitude: 0, longitude: 180))
    let north = p.project(GeoCoordinate(latitude: 90, longitude: 0))
    #expect(east.y == 0 && east.x > 1.7e7)  // ~17.24 Mm half width at R = 6371 km
    #expect(north.x == 0 && north.y > 8.3e6 && north.y < 8.5e6)
  }

  @Test func worldBasemapLoads() throws {
    let world = try Basemap.load(.worldCountries)
    #expect(world.features.count == 177)
    let france = try #require(world.features.first { $0.name == "France" })
    #expect(france.contains(Point(x: 2.35, y: 48.85)))  // Paris, lon/lat
  }

  @Test func boundsParseAndPad() throws {
    let b = try #require(GeoBounds(parsing: "-90, 41, -84, 46.5"))
    #expect(b == GeoBounds(west: -90, south: 41, east: -84, north: 46.5))
    #expect(GeoBounds(parsing: "-84,41,-90,46") == nil)
    #expect(GeoBounds(parsing: "a,b,c,d") == nil)
    #expect(b.padded(by: 0.1, minimumDegrees: 0).west == -90.6)
  }
}

@Suite struct BundledBasemapTests {
  /// The bundled `.lbm` files hold exactly the polygons of the GeoJSON they were made from.
  @Test(.enabled(if: Fixtures.mapData != nil), arguments: Basemap.Source.allCases)
  func matchesTheSharedGeoJSON(source: Basemap.Source) throws {
    let url = try #require(Fixtures.mapData).appendingPathComponent(source.rawValue + ".geojson")
    let reference = try Basemap(source: source, geoJSON: Data(contentsOf: url))
    let bundled = try Basemap.load(source)
    #expect(bundled.features.count == reference.features.count)
    for (a, b) in zip(bundled.features, reference.features) {
      #expect(a.name == b.name && a.code == b.code)
      let pa = a.polygons.flatMap { $0.flatMap { $0 } }
      let pb = b.polygons.flatMap { $0.flatMap { $0 } }
      #expect(pa.count == pb.count, "\(a.name)")
      let worst = zip(pa, pb).map { max(abs($0.x - $1.x), abs($0.y - $1.y)) }.max() ?? 0
      #expect(worst < (source.isLonLat ? 0.00006 : 0.6), "\(a.name)")
    }
  }
}
