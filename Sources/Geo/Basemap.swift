internal import CBasemapData
public import Foundation

/// A bundled public-domain basemap, decoded from GeoJSON.
///
/// ```swift
/// let states = try Basemap.load(.usStatesAlbersUSA)
/// print(states.features.count)   // 52: 50 states, DC and Puerto Rico
/// ```
public struct Basemap: Sendable {
  /// The basemaps that ship with Lumen, compiled into the binary (see
  /// `Sources/CBasemapData/data/README.md`).
  public enum Source: String, Sendable, CaseIterable {
    /// US Census 2016 states pre-projected into the ``AlbersUSA`` composite (metres).
    case usStatesAlbersUSA = "us_states_albers_usa"
    /// US Census 2016 states and territories in longitude/latitude.
    case usStatesLonLat = "us_states_cb2016_s01"
    /// Natural Earth 1:110m countries in longitude/latitude.
    case worldCountries = "world_countries_ne110m"

    /// Whether coordinates are longitude/latitude (to be projected) rather than map metres.
    public var isLonLat: Bool { self != .usStatesAlbersUSA }
  }

  /// Where the data came from.
  public var source: Source
  /// The states or countries.
  public var features: [BasemapFeature]

  /// Loads one of the bundled basemaps (kept in the compact `.lbm` form that
  /// `scripts/make-basemaps` makes from the GeoJSON; it loads in about a millisecond).
  public static func load(_ source: Source) throws -> Basemap {
    var count = 0
    guard let bytes = cbasemap_data(source.rawValue, &count), count > 0 else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(source.rawValue).lbm"])
    }
    var reader = BasemapBinaryReader(Data(bytes: bytes, count: count))
    return Basemap(source: source, features: try reader.features())
  }

  /// A basemap made of the given features.
  public init(source: Source, features: [BasemapFeature]) {
    self.source = source
    self.features = features
  }

  /// Decodes a GeoJSON FeatureCollection of Polygon / MultiPolygon features.
  public init(source: Source, geoJSON: Data) throws {
    let collection = try JSONDecoder().decode(GeoJSONCollection.self, from: geoJSON)
    self.source = source
    self.features = collection.features.map { feature in
      BasemapFeature(
        name: feature.properties.censusName ?? feature.properties.name ?? "",
        code: feature.properties.censusCode ?? feature.properties.isoCode ?? "",
        polygons: feature.geometry?.polygons ?? [])
    }
  }
}
