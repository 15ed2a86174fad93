import Foundation

/// Which CSV columns hold what, found by common names or given by the caller.
public struct PointColumns: Sendable, Hashable, Codable {
  public var latitude: String
  public var longitude: String
  public var name: String?
  public var color: String?
  public var size: String?
  public var characteristic: String?

  static let latitudeNames = ["lat", "latitude", "y_lat", "lat_dd", "decimallatitude"]
  static let longitudeNames = [
    "lon", "lng", "long", "longitude", "x_lon", "lon_dd", "decimallongitude",
  ]
  static let nameNames = ["name", "title", "label"]
  static let colorNames = ["color", "colour"]
  static let sizeNames = ["size", "radius"]
  static let characteristicNames = ["characteristic", "light", "light_characteristic", "rhythm"]

  /// Finds the columns in a header row (names compared without case or surrounding spaces).
  ///
  /// - Returns: The columns, or the reason none fit.
  static func find(
    in header: [String], latitude: String?, longitude: String?
  ) -> Result<PointColumns, MapError> {
    let normalized = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    func pick(_ given: String?, _ names: [String]) -> String?? {
      if let given {
        let wanted = given.trimmingCharacters(in: .whitespaces).lowercased()
        return normalized.firstIndex(of: wanted).map { .some(header[$0]) } ?? .some(nil)
      }
      return .some(
        names.lazy.compactMap { name in normalized.firstIndex(of: name).map { header[$0] } }.first)
    }
    guard case .some(let lat?) = pick(latitude, latitudeNames),
      case .some(let lon?) = pick(longitude, longitudeNames)
    else {
      let wanted = [
        latitude.map { "'\($0)'" } ?? "lat/latitude",
        longitude.map { "'\($0)'" } ?? "lon/lng/long/longitude",
      ]
      return .failure(
        .noCoordinateColumns(
          "no \(wanted.joined(separator: " and ")) columns in the header \(header.prefix(12).map { "'\($0)'" }.joined(separator: ", ")); name them with --lat and --lon"
        ))
    }
    return .success(
      PointColumns(
        latitude: lat, longitude: lon, name: pick(nil, nameNames) ?? nil,
        color: pick(nil, colorNames) ?? nil,
        size: pick(nil, sizeNames) ?? nil, characteristic: pick(nil, characteristicNames) ?? nil))
  }
}
