import LumenCore

/// The parts of a GeoJSON FeatureCollection a basemap needs.
struct GeoJSONCollection: Decodable {
  struct Feature: Decodable {
    var properties: Properties
    var geometry: Geometry?
  }

  /// The fields of the Census (`NAME`, `STUSPS`) and Natural Earth (`name`, `iso_a3`) files.
  struct Properties: Decodable {
    var censusName: String?
    var censusCode: String?
    var name: String?
    var isoCode: String?

    private enum CodingKeys: String, CodingKey {
      case censusName = "NAME"
      case censusCode = "STUSPS"
      case name
      case isoCode = "iso_a3"
    }
  }

  /// A Polygon or MultiPolygon; other geometry types decode to no polygons.
  struct Geometry: Decodable {
    var polygons: [[[Point]]]

    private enum Keys: String, CodingKey { case type, coordinates }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Keys.self)
      let type = try container.decode(String.self, forKey: .type)
      func ring(_ r: [[Double]]) -> [Point] {
        r.compactMap { $0.count >= 2 ? Point(x: $0[0], y: $0[1]) : nil }
      }
      switch type {
      case "Polygon":
        polygons = [try container.decode([[[Double]]].self, forKey: .coordinates).map(ring)]
      case "MultiPolygon":
        polygons = try container.decode([[[[Double]]]].self, forKey: .coordinates).map {
          $0.map(ring)
        }
      default:
        polygons = []
      }
    }
  }

  var features: [Feature]
}
