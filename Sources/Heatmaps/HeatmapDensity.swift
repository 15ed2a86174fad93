internal import Geo
internal import LumenCore
internal import MapRendering
internal import Tables

/// Points on a map binned into square cells over a bundled basemap: the count (or the summed
/// weight) of the points in each bin, the basemap's outlines in the grid's pixels.
enum HeatmapDensity {
  /// The map's size in pixels (the grid is this divided into `radius`-pixel bins).
  static let area = Size(width: 960, height: 600)

  static func grid(_ table: Table, options: HeatmapOptions) throws(HeatmapError) -> HeatmapGrid {
    let lat = try coordinates(options.lat!, table: table)
    let lon = try coordinates(options.lon!, table: table)
    var weights: [Double?]?
    if let weight = options.weight {
      guard let column = table.column(weight), case .numbers(let values) = column.values else {
        throw .unsuitableData(
          "weight column \"\(weight)\" is not numeric; give a numeric column or leave weight out to count points"
        )
      }
      weights = values
    }
    var points: [MapPoint] = []
    var rows: [Int] = []
    var skipped = 0
    for r in 0..<table.rowCount {
      guard let la = lat[r], let lo = lon[r], (-90...90).contains(la), (-180...180).contains(lo)
      else {
        skipped += 1
        continue
      }
      points.append(MapPoint(coordinate: GeoCoordinate(latitude: la, longitude: lo)))
      rows.append(r)
    }
    guard !points.isEmpty else {
      throw .unsuitableData(
        "no row has a latitude in -90…90 and a longitude in -180…180 in \"\(options.lat!)\" and \"\(options.lon!)\""
      )
    }
    guard let region = MapRegion(parsing: options.region) else {
      throw .invalidOption(
        "region \"\(options.region)\" is not auto, usa, world or a box W,S,E,N such as -89,41,-84,46.5"
      )
    }
    var view: MapView
    do { view = try MapView.resolve(region, points: points) } catch {
      throw .unsuitableData("the basemap for region \(options.region) cannot be loaded: \(error)")
    }
    view.fit(into: PixelRect(x: 0, y: 0, width: area.width, height: area.height))
    let side = Double(options.radius)
    let columnCount = Int((Double(area.width) / side).rounded(.up))
    let rowCount = Int((Double(area.height) / side).rounded(.up))
    var values = [Double](repeating: 0, count: rowCount * columnCount)
    var outside = 0
    for (k, point) in points.enumerated() {
      let p = view.pixel(point.coordinate)
      guard p.x.isFinite, p.y.isFinite, p.x >= 0, p.y >= 0, p.x < Double(area.width),
        p.y < Double(area.height)
      else {
        outside += 1
        continue
      }
      let weight = weights.map { $0[rows[k]] ?? 0 } ?? 1
      values[Int(p.y / side) * columnCount + Int(p.x / side)] += weight
    }
    guard outside < points.count else {
      throw .unsuitableData(
        "none of the \(points.count) points lies inside the region \(options.region); widen it, or leave region out (auto fits the points)"
      )
    }
    var blank = Set<Int>()
    for i in values.indices where values[i] == 0 { blank.insert(i) }
    var grid = HeatmapGrid(
      rowLabels: (1...rowCount).map(String.init), columnLabels: (1...columnCount).map(String.init),
      values: values, rowTitle: options.yTitle ?? "bin row",
      columnTitle: options.xTitle ?? "bin column",
      valueTitle: options.weight.map { "sum(\($0))" } ?? "count")
    grid.blankCells = blank
    grid.basemap = outlines(view, scale: 1 / side)
    grid.densityNote =
      "\(points.count - outside) points binned in \(options.radius)-pixel squares over \(view.regionName)"
      + (skipped + outside > 0
        ? "; \(skipped + outside) rows outside the map or without coordinates left out" : "")
    return grid
  }

  private static func coordinates(_ name: String, table: Table) throws(HeatmapError) -> [Double?] {
    guard let column = table.column(name), case .numbers(let values) = column.values else {
      throw .unsuitableData(
        "\"\(name)\" is not a numeric column of degrees; lat and lon name the latitude and longitude columns"
      )
    }
    return values
  }

  /// The basemap's rings in grid units (one unit a bin), points closer than a tenth of a bin
  /// to the last one kept left out.
  static func outlines(_ view: MapView, scale: Double) -> [[Point]] {
    var rings: [[Point]] = []
    for layer in view.layers {
      for feature in layer.features {
        for polygon in feature.polygons {
          for ring in polygon {
            var kept: [Point] = []
            for p in ring {
              let q = view.pixel(basemapPoint: p, isLonLat: layer.source.isLonLat)
              guard q.x.isFinite, q.y.isFinite else { continue }
              let g = Point(x: q.x * scale, y: q.y * scale)
              if let last = kept.last, abs(last.x - g.x) < 0.1, abs(last.y - g.y) < 0.1 { continue }
              kept.append(g)
            }
            if kept.count >= 3 { rings.append(kept) }
          }
        }
      }
    }
    return rings
  }
}
