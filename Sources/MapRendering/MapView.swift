import Geo
import LumenCore

/// A resolved map: the region and projection chosen, the basemap layers, and the fitting of
/// projected metres into the picture.
package struct MapView {
  package var regionName: String
  package var projection: MapProjection
  /// Basemap layers in drawing order, each with whether it is already projected.
  package var layers: [Basemap]
  /// The projected box shown (metres, y north).
  var minX: Double, minY: Double, maxX: Double, maxY: Double
  /// Pixels per metre and the pixel position of (minX, maxY).
  var scale = 1.0, offsetX = 0.0, offsetY = 0.0

  /// Chooses the region for the points and loads the basemaps it needs.
  package static func resolve(_ region: MapRegion, points: [MapPoint]) throws -> MapView {
    switch region {
    case .usa:
      return try usa()
    case .world:
      return try world()
    case .bounds(let box):
      return try bounds(box)
    case .auto:
      guard let box = GeoBounds(enclosing: points.map(\.coordinate)) else { return try world() }
      // All in the US and spread over it (or in an inset): the composite. A regional cluster
      // (one lake, one coast) gets a box fitted to it instead.
      if points.allSatisfy({ AlbersUSA.covers($0.coordinate) }),
        box.east - box.west > 20 || box.north - box.south > 10
          || points.contains(where: { AlbersUSA.inset(of: $0.coordinate) != .lower48 })
      {
        return try usa()
      }
      if box.east - box.west > 150 || box.north - box.south > 70 { return try world() }
      return try bounds(box.padded(by: 0.15, minimumDegrees: 1))
    }
  }

  private static func usa() throws -> MapView {
    let states = try Basemap.load(.usStatesAlbersUSA)
    var view = MapView(
      regionName: "usa", projection: .albersUSA(AlbersUSA()), layers: [states], minX: .infinity,
      minY: .infinity, maxX: -.infinity, maxY: -.infinity)
    for feature in states.features {
      for polygon in feature.polygons { for ring in polygon { for p in ring { view.include(p) } } }
    }
    let padX = (view.maxX - view.minX) * 0.02
    let padY = (view.maxY - view.minY) * 0.02
    view.minX -= padX
    view.maxX += padX
    view.minY -= padY
    view.maxY += padY
    return view
  }

  private static func world() throws -> MapView {
    let projection = EqualEarth()
    let east = projection.project(GeoCoordinate(latitude: 0, longitude: 180)).x
    return MapView(
      regionName: "world", projection: .equalEarth(projection),
      layers: [try Basemap.load(.worldCountries)],
      minX: -east, minY: projection.project(GeoCoordinate(latitude: -58, longitude: 0)).y,
      maxX: east,
      maxY: projection.project(GeoCoordinate(latitude: 84, longitude: 0)).y)
  }

  private static func bounds(_ box: GeoBounds) throws -> MapView {
    let projection = Equirectangular(standardLatitude: (box.south + box.north) / 2)
    let sw = projection.project(GeoCoordinate(latitude: box.south, longitude: box.west))
    let ne = projection.project(GeoCoordinate(latitude: box.north, longitude: box.east))
    var layers = [try Basemap.load(.worldCountries)]
    let usArea = GeoBounds(west: -180, south: 15, east: -60, north: 72)
    if box.west < usArea.east && box.east > usArea.west && box.south < usArea.north
      && box.north > usArea.south
    {
      layers.append(try Basemap.load(.usStatesLonLat))
    }
    return MapView(
      regionName: "bounds \(box)", projection: .equirectangular(projection), layers: layers,
      minX: sw.x,
      minY: sw.y, maxX: ne.x, maxY: ne.y)
  }

  private mutating func include(_ p: Point) {
    minX = min(minX, p.x)
    maxX = max(maxX, p.x)
    minY = min(minY, p.y)
    maxY = max(maxY, p.y)
  }

  /// Fits the projected box into `area` (pixels), keeping the aspect ratio, centred.
  package mutating func fit(into area: PixelRect) {
    let width = max(maxX - minX, 1)
    let height = max(maxY - minY, 1)
    scale = min(Double(area.width) / width, Double(area.height) / height)
    offsetX = Double(area.x) + (Double(area.width) - width * scale) / 2
    offsetY = Double(area.y) + (Double(area.height) - height * scale) / 2
  }

  /// Where projected metres land in the picture.
  func pixel(_ projected: Point) -> Point {
    Point(x: offsetX + (projected.x - minX) * scale, y: offsetY + (maxY - projected.y) * scale)
  }

  /// Where a coordinate lands in the picture.
  package func pixel(_ coordinate: GeoCoordinate) -> Point { pixel(projection.project(coordinate)) }

  /// A basemap point (already projected or lon/lat) in the picture.
  package func pixel(basemapPoint p: Point, isLonLat: Bool) -> Point {
    isLonLat ? pixel(GeoCoordinate(latitude: p.y, longitude: p.x)) : pixel(p)
  }
}
