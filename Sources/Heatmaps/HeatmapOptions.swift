internal import Foundation
public import LumenCore

/// Everything ``Heatmap`` needs besides the data and output paths: the one description of a
/// heatmap's settings, decoded by the `make_heatmap` tool and built from `lumen heatmap`'s
/// flags through the same decoder.
///
/// The shape follows the fields given: `calendar` makes a calendar, `x` and `y` a pivot of a
/// long table, neither a matrix (first column the row labels, the header the column labels).
public struct HeatmapOptions: OperationOptions, Hashable {
  /// The column across (a pivot), optionally bucketed: `hour:time`, `weekday:time`, …
  public var x: String?
  /// The column down (a pivot), optionally bucketed like ``x``.
  public var y: String?
  /// The numeric column aggregated into each cell (a pivot or calendar); counts without it.
  public var value: String?
  /// How the rows falling in one cell become its value (default: count without a value
  /// column, mean with one; sum in a calendar).
  public var aggregation: HeatmapAggregation?
  /// The date column of a calendar heatmap.
  public var calendar: String?
  /// The latitude and longitude columns of a density map.
  public var lat: String?
  public var lon: String?
  /// A numeric column summed per bin of a density map (default: points are counted).
  public var weight: String?
  /// The map region: `auto`, `usa`, `world` or a box `W,S,E,N`.
  public var region = "auto"
  /// The side of a density map's bins, in pixels of the 960 × 600 map.
  public var radius = 8
  /// Read the table as a matrix even when `x`/`y` could be guessed.
  public var matrix = false
  /// The colour scale.
  public var scale: HeatmapScale = .viridis
  /// The value at the middle of a diverging scale (default: 0).
  public var center: Double?
  /// The values mapped to the ends of the scale (default: the data's range).
  public var range: ClosedRange<Double>?
  /// Colours on a logarithmic scale (positive values only).
  public var log = false
  /// The order of rows and columns.
  public var order: HeatmapOrder = .given
  /// Values written in the cells: when they fit, always, or never.
  public var annotate: HeatmapAnnotation = .auto
  /// How values are written in cells and along the colour bar (default: decimals as needed).
  public var format: HeatmapValueFormat?
  public var title: String?
  public var xTitle: String?
  public var yTitle: String?
  /// The image size in pixels (points in a PDF); the HTML page grows with the grid.
  public var size = Size(width: 900, height: 600)
  /// The workbook sheet (xlsx only).
  public var sheet: String?
  /// Most rows and most columns a heatmap shows.
  public var maxSide = 2_000
  /// Most cells a vector file (SVG, PDF) draws one by one.
  public var maxVectorCells = 40_000

  public init() {}

  /// The shape the fields ask for.
  public var shape: HeatmapShape {
    if lat != nil || lon != nil { return .density }
    if calendar != nil { return .calendar }
    if x != nil || y != nil { return .pivot }
    return .matrix
  }

  /// The aggregate used.
  public var resolvedAggregation: HeatmapAggregation {
    if let aggregation { return aggregation }
    if value == nil { return .count }
    return shape == .calendar ? .sum : .mean
  }

  /// Checks ranges and combinations, naming the field.
  public func validate() throws(HeatmapError) {
    if lat != nil || lon != nil {
      if lat == nil || lon == nil {
        throw .invalidOption("a density map needs both lat and lon (the coordinate columns)")
      }
      if x != nil || y != nil || calendar != nil || matrix {
        throw .invalidOption("give lat and lon, or x and y, or calendar: one shape at a time")
      }
      if value != nil || aggregation != nil {
        throw .invalidOption("a density map counts points per bin: give weight to sum a column")
      }
    } else if weight != nil {
      throw .invalidOption("weight sums a column per bin of a density map: give lat and lon")
    }
    if !(2...64).contains(radius) {
      throw .invalidOption("radius \(radius) is out of range: radius must be 2–64 pixels")
    }
    if calendar != nil, x != nil || y != nil {
      throw .invalidOption("give calendar or x and y, not both")
    }
    if shape == .pivot, x == nil || y == nil {
      throw .invalidOption("a pivot needs both x (the columns) and y (the rows)")
    }
    if matrix, shape != .matrix {
      throw .invalidOption("matrix reads the table as it is: leave out x, y and calendar")
    }
    if shape == .matrix, value != nil || aggregation != nil {
      throw .invalidOption(
        "value and agg aggregate a long table: give x and y (or calendar) with them")
    }
    if value == nil, let aggregation, aggregation != .count {
      throw .invalidOption("agg \(aggregation.rawValue) needs a value column to aggregate")
    }
    if let range, !(range.lowerBound < range.upperBound) {
      throw .invalidOption(
        "range \(range.lowerBound),\(range.upperBound) must be MIN,MAX with MIN < MAX")
    }
    if log, let range, range.lowerBound <= 0 {
      throw .invalidOption("a log scale needs a range above 0")
    }
    if center != nil, !scale.isDiverging {
      throw .invalidOption(
        "center applies to a diverging scale (rdbu, brbg, piyg, coolwarm), not \(scale.rawValue)")
    }
    if log, center != nil { throw .invalidOption("give log or center, not both") }
    if !(100...8000).contains(size.width) || !(100...8000).contains(size.height) {
      throw .invalidOption(
        "size \(size.width)x\(size.height) is out of range: each side must be 100–8000 pixels")
    }
    for (name, text) in [("x", x), ("y", y)] {
      if let text, let bucket = DateBucket(spec: text), bucket.column.isEmpty {
        throw .invalidOption("\(name) \"\(text)\" names no column after \(bucket.unit.rawValue):")
      }
    }
  }

  /// The columns the heatmap reads (`nil`: all of them, a matrix).
  public var columns: [String]? {
    switch shape {
    case .matrix: return nil
    case .calendar: return [calendar!] + (value.map { [$0] } ?? [])
    case .density: return [lat!, lon!] + (weight.map { [$0] } ?? [])
    case .pivot:
      var names: [String] = []
      for spec in [x!, y!] {
        names.append(DateBucket(spec: spec)?.column ?? spec)
      }
      if let value { names.append(value) }
      var seen = Set<String>()
      return names.filter { seen.insert($0).inserted }
    }
  }

  // MARK: - The one description

  public static let fields: [OptionField] = [
    OptionField(
      "x",
      "The column across, for a long table; dates bucketed with a prefix: hour:, weekday:, day:, month:, year:, date: (e.g. hour:time)",
      absent: "null for a matrix"),
    OptionField(
      "y", "The column down, for a long table, bucketed like x (e.g. weekday:time)",
      absent: "null for a matrix"),
    OptionField(
      "value", "The numeric column aggregated into each cell", absent: "null to count rows"),
    OptionField(
      "agg", "How the rows of one cell become its value: sum, mean, median, count, min or max",
      absent: "null for count without value, mean with it (sum in a calendar)"),
    OptionField(
      "calendar", "A date column: a calendar heatmap, weeks across and weekdays down per year",
      absent: "null for none"),
    OptionField(
      "lat", "The latitude column: a density map of the points over a basemap (with lon)",
      absent: "null for none"),
    OptionField("lon", "The longitude column of a density map", absent: "null for none"),
    OptionField(
      "weight", "A numeric column summed per bin of a density map", absent: "null to count points"),
    OptionField(
      "region",
      "The density map's region: auto, usa (Albers with Alaska/Hawaii insets), world, or a box W,S,E,N in degrees",
      absent: "null for auto"),
    OptionField(
      "radius", "The side of a density map's square bins, in pixels of the 960×600 map",
      absent: "null for 8", bounds: 2...64),
    OptionField(
      "matrix", "Read the table as a matrix: first column row labels, header column labels",
      absent: "null for a matrix unless x, y or calendar is given"),
    OptionField(
      "scale",
      "Colour scale: viridis, magma, inferno, plasma, cividis, blues, greens, reds, greys; diverging rdbu, brbg, piyg, coolwarm",
      absent: "null for viridis"),
    OptionField(
      "center", "The value at the middle of a diverging scale", absent: "null for 0"),
    OptionField(
      "range", "MIN,MAX: the values at the ends of the scale (others are clamped)",
      absent: "null for the data's range"),
    OptionField("log", "Colour by the logarithm of the values", absent: "null for false"),
    OptionField(
      "order",
      "Order of rows and columns: given, sort (by mean, largest first) or cluster (average linkage)",
      absent: "null for given"),
    OptionField(
      "annotate", "Values in the cells: auto (when they fit), on or off", absent: "null for auto"),
    OptionField(
      "format",
      "How values are written in cells and on the colour bar: .2f (two decimals), ,.0f (thousands grouped), .1% (percent), .3e",
      absent: "null for decimals as needed"),
    OptionField("title", "The title", absent: "null for none"),
    OptionField("x_title", "The title across", absent: "null for the column name"),
    OptionField("y_title", "The title down", absent: "null for the column name"),
    OptionField(
      "size", "Width x height in pixels of a PNG, SVG or PDF, e.g. 900x600",
      absent: "null for 900x600"),
    OptionField("sheet", "The workbook sheet to read (xlsx)", absent: "null for the first"),
  ]

  enum CodingKeys: String, CodingKey {
    case x, y, value, calendar, lat, lon, weight, region, radius, matrix, scale, center, range, log,
      order, annotate, format
    case title, size, sheet
    case aggregation = "agg"
    case xTitle = "x_title"
    case yTitle = "y_title"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    x = try c.decodeIfPresent(String.self, forKey: .x)
    y = try c.decodeIfPresent(String.self, forKey: .y)
    value = try c.decodeIfPresent(String.self, forKey: .value)
    aggregation = try c.decodeIfPresent(HeatmapAggregation.self, forKey: .aggregation)
    calendar = try c.decodeIfPresent(String.self, forKey: .calendar)
    lat = try c.decodeIfPresent(String.self, forKey: .lat)
    lon = try c.decodeIfPresent(String.self, forKey: .lon)
    weight = try c.decodeIfPresent(String.self, forKey: .weight)
    region = try c.decodeIfPresent(String.self, forKey: .region) ?? "auto"
    radius = try c.decodeIfPresent(Int.self, forKey: .radius) ?? 8
    matrix = try c.decodeIfPresent(Bool.self, forKey: .matrix) ?? false
    scale = try c.decodeIfPresent(HeatmapScale.self, forKey: .scale) ?? .viridis
    center = try c.decodeIfPresent(Double.self, forKey: .center)
    if let text = try c.decodeIfPresent(String.self, forKey: .range) {
      let parts = text.split(separator: ",").map {
        Double($0.trimmingCharacters(in: .whitespaces))
      }
      guard parts.count == 2, let low = parts[0], let high = parts[1], low < high else {
        throw HeatmapError.invalidOption(
          "range \"\(text)\" is not MIN,MAX with MIN < MAX, e.g. 0,100")
      }
      range = low...high
    }
    log = try c.decodeIfPresent(Bool.self, forKey: .log) ?? false
    order = try c.decodeIfPresent(HeatmapOrder.self, forKey: .order) ?? .given
    annotate = try c.decodeIfPresent(HeatmapAnnotation.self, forKey: .annotate) ?? .auto
    if let spec = try c.decodeIfPresent(String.self, forKey: .format) {
      guard let parsed = HeatmapValueFormat(spec) else {
        throw HeatmapError.invalidOption(
          "format \"\(spec)\" is not a value format such as .2f, ,.0f, .1% or .3e")
      }
      format = parsed
    }
    title = try c.decodeIfPresent(String.self, forKey: .title)
    xTitle = try c.decodeIfPresent(String.self, forKey: .xTitle)
    yTitle = try c.decodeIfPresent(String.self, forKey: .yTitle)
    if let text = try c.decodeIfPresent(String.self, forKey: .size) {
      guard let parsed = Size(parsing: text) else {
        throw HeatmapError.invalidOption(
          "size \"\(text)\" is not WIDTHxHEIGHT in pixels, e.g. 900x600")
      }
      size = parsed
    }
    sheet = try c.decodeIfPresent(String.self, forKey: .sheet)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(x, forKey: .x)
    try c.encodeIfPresent(y, forKey: .y)
    try c.encodeIfPresent(value, forKey: .value)
    try c.encodeIfPresent(aggregation, forKey: .aggregation)
    try c.encodeIfPresent(calendar, forKey: .calendar)
    try c.encodeIfPresent(lat, forKey: .lat)
    try c.encodeIfPresent(lon, forKey: .lon)
    try c.encodeIfPresent(weight, forKey: .weight)
    try c.encode(region, forKey: .region)
    try c.encode(radius, forKey: .radius)
    try c.encode(matrix, forKey: .matrix)
    try c.encode(scale, forKey: .scale)
    try c.encodeIfPresent(center, forKey: .center)
    if let range {
      try c.encode(
        "\(ValueText.shortest(range.lowerBound)),\(ValueText.shortest(range.upperBound))",
        forKey: .range)
    }
    try c.encode(log, forKey: .log)
    try c.encode(order, forKey: .order)
    try c.encode(annotate, forKey: .annotate)
    try c.encodeIfPresent(format?.description, forKey: .format)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encodeIfPresent(xTitle, forKey: .xTitle)
    try c.encodeIfPresent(yTitle, forKey: .yTitle)
    try c.encode("\(size.width)x\(size.height)", forKey: .size)
    try c.encodeIfPresent(sheet, forKey: .sheet)
  }
}
