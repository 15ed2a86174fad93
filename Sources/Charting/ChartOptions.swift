internal import Foundation
public import LumenCore

/// Everything ``Chart`` needs besides the data and output paths: the one description of the
/// chart's settings, decoded by the `make_chart` tool and built from `lumen chart`'s flags
/// through the same decoder.
public struct ChartOptions: OperationOptions, Hashable {
  public var kind: ChartKind = .bar
  /// The column along x (categories for bar/box/pie, numbers or dates for line/scatter).
  public var x: String = ""
  /// The value columns (several draw several series); none for counts and histograms.
  public var y: [String] = []
  /// The column whose values split the data into coloured series.
  public var color: String?
  /// A numeric column sizing scatter points.
  public var sizeBy: String?
  /// How rows sharing an x become one value (default: sum for bar/area/pie, mean for line and
  /// heatmap, count without y).
  public var aggregation: ChartAggregation?
  /// Dates along x grouped by this unit.
  public var timeUnit: TimeUnit?
  /// Histogram bins.
  public var bins: Int = 30
  /// Bar order: by x (file order for words, ascending for numbers), by value, or by value
  /// descending.
  public var sort: ChartSort?
  /// Keep the N largest categories, the rest summed as "other".
  public var top: Int?
  public var logX = false
  public var logY = false
  /// Bars of several series stacked instead of side by side (areas always stack).
  public var stack = false
  /// Bars drawn horizontally.
  public var horizontal = false
  public var title: String?
  public var xTitle: String?
  public var yTitle: String?
  public var theme: ChartTheme = .light
  /// The chart's size in pixels (points in a PDF).
  public var size = Size(width: 800, height: 500)
  /// Pixels per point in a PNG (2 for HiDPI).
  public var scale: Double = 1
  /// The workbook sheet (xlsx only).
  public var sheet: String?
  /// Most points a scatter draws; more are sampled (seeded) and the report says so.
  public var maxPoints = 20_000

  public init() {}

  /// The columns the chart reads, in order, without repeats.
  public var columns: [String] {
    var names = [x] + y
    if let color { names.append(color) }
    if let sizeBy { names.append(sizeBy) }
    var seen = Set<String>()
    return names.filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// Checks ranges and combinations, naming the field.
  public func validate() throws(ChartError) {
    if x.isEmpty { throw .invalidOption("x is required: the column along the x axis") }
    if !(2...500).contains(bins) {
      throw .invalidOption("bins \(bins) is out of range: bins must be 2–500")
    }
    if let top, !(1...1000).contains(top) {
      throw .invalidOption("top \(top) is out of range: top must be 1–1000")
    }
    if !(100...8000).contains(size.width) || !(100...8000).contains(size.height) {
      throw .invalidOption(
        "size \(size.width)x\(size.height) is out of range: each side must be 100–8000 pixels")
    }
    if !(0.5...4).contains(scale) {
      throw .invalidOption("scale \(scale) is out of range: scale must be 0.5–4")
    }
    switch kind {
    case .scatter, .box:
      if y.count != 1 {
        throw .invalidOption("a \(kind.rawValue) chart needs exactly one y column")
      }
    case .histogram:
      if !y.isEmpty { throw .invalidOption("a histogram counts x: leave out y") }
    case .heatmap:
      if y.count != 1 {
        throw .invalidOption(
          "a heatmap needs one y column (the rows); its cells count rows, or aggregate color with agg"
        )
      }
    case .pie:
      if y.count > 1 { throw .invalidOption("a pie chart takes at most one y column") }
    default:
      if y.count > 1, color != nil {
        throw .invalidOption("give several y columns or a color column, not both")
      }
    }
    if aggregation == .count, !y.isEmpty, kind != .heatmap {
      throw .invalidOption("agg count counts rows: leave out y")
    }
    if y.isEmpty, let aggregation, aggregation != .count, kind != .histogram, kind != .heatmap {
      throw .invalidOption("agg \(aggregation.rawValue) needs a y column to aggregate")
    }
  }

  // MARK: - The one description

  public static let fields: [OptionField] = [
    OptionField(
      "kind", "Chart kind: bar, line, area, scatter, histogram, box, pie or heatmap",
      absent: "null for bar"),
    OptionField(
      "x", "The column along the x axis (the slices of a pie, the columns of a heatmap)",
      absent: "required"),
    OptionField(
      "y", "The value column(s); several draw several series; the rows of a heatmap",
      absent: "null to count rows"),
    OptionField(
      "color", "A column splitting the data into coloured series (the cell value of a heatmap)",
      absent: "null for one series"),
    OptionField(
      "size_by", "A numeric column sizing scatter points", absent: "null for equal sizes"),
    OptionField(
      "agg", "How rows sharing an x become one value: sum, mean, median, count, min or max",
      absent: "null for sum (bar, area, pie), mean (line, heatmap with color), count without y"),
    OptionField(
      "time_unit", "Group dates along x by day, week, month, quarter or year",
      absent: "null to keep each date"),
    OptionField("bins", "Histogram bins", absent: "null for 30", bounds: 2...500),
    OptionField(
      "sort", "Bar order: x, y (ascending value) or -y (descending)", absent: "null for x"),
    OptionField(
      "top", "Keep the N largest categories and sum the rest as \"other\"", absent: "null for all",
      bounds: 1...1000),
    OptionField("log_x", "A logarithmic x axis", absent: "null for false"),
    OptionField("log_y", "A logarithmic y axis", absent: "null for false"),
    OptionField("stack", "Stack the bars of several series", absent: "null for side by side"),
    OptionField("horizontal", "Draw bars horizontally", absent: "null for false"),
    OptionField("title", "The chart title", absent: "null for none"),
    OptionField("x_title", "The x axis title", absent: "null for the column name"),
    OptionField(
      "y_title", "The y axis title", absent: "null for the column name with the aggregate"),
    OptionField("theme", "light or dark", absent: "null for light"),
    OptionField("size", "Width x height in pixels, e.g. 800x500", absent: "null for 800x500"),
    OptionField(
      "scale", "Pixels per point for PNG (2 for HiDPI)", absent: "null for 1", bounds: 0.5...4),
    OptionField("sheet", "The workbook sheet to read (xlsx)", absent: "null for the first"),
  ]

  enum CodingKeys: String, CodingKey {
    case kind, x, y, color, bins, sort, top, stack, horizontal, title, theme, size, scale, sheet
    case sizeBy = "size_by"
    case aggregation = "agg"
    case timeUnit = "time_unit"
    case logX = "log_x"
    case logY = "log_y"
    case xTitle = "x_title"
    case yTitle = "y_title"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    kind = try c.decodeIfPresent(ChartKind.self, forKey: .kind) ?? .bar
    x = try c.decode(String.self, forKey: .x)
    y = try c.decodeIfPresent([String].self, forKey: .y) ?? []
    color = try c.decodeIfPresent(String.self, forKey: .color)
    sizeBy = try c.decodeIfPresent(String.self, forKey: .sizeBy)
    aggregation = try c.decodeIfPresent(ChartAggregation.self, forKey: .aggregation)
    timeUnit = try c.decodeIfPresent(TimeUnit.self, forKey: .timeUnit)
    bins = try c.decodeIfPresent(Int.self, forKey: .bins) ?? 30
    sort = try c.decodeIfPresent(ChartSort.self, forKey: .sort)
    top = try c.decodeIfPresent(Int.self, forKey: .top)
    logX = try c.decodeIfPresent(Bool.self, forKey: .logX) ?? false
    logY = try c.decodeIfPresent(Bool.self, forKey: .logY) ?? false
    stack = try c.decodeIfPresent(Bool.self, forKey: .stack) ?? false
    horizontal = try c.decodeIfPresent(Bool.self, forKey: .horizontal) ?? false
    title = try c.decodeIfPresent(String.self, forKey: .title)
    xTitle = try c.decodeIfPresent(String.self, forKey: .xTitle)
    yTitle = try c.decodeIfPresent(String.self, forKey: .yTitle)
    theme = try c.decodeIfPresent(ChartTheme.self, forKey: .theme) ?? .light
    if let text = try c.decodeIfPresent(String.self, forKey: .size) {
      guard let parsed = Size(parsing: text) else {
        throw ChartError.invalidOption(
          "size \"\(text)\" is not WIDTHxHEIGHT in pixels, e.g. 800x500")
      }
      size = parsed
    }
    scale = try c.decodeIfPresent(Double.self, forKey: .scale) ?? 1
    sheet = try c.decodeIfPresent(String.self, forKey: .sheet)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(kind, forKey: .kind)
    try c.encode(x, forKey: .x)
    try c.encode(y, forKey: .y)
    try c.encodeIfPresent(color, forKey: .color)
    try c.encodeIfPresent(sizeBy, forKey: .sizeBy)
    try c.encodeIfPresent(aggregation, forKey: .aggregation)
    try c.encodeIfPresent(timeUnit, forKey: .timeUnit)
    try c.encode(bins, forKey: .bins)
    try c.encodeIfPresent(sort, forKey: .sort)
    try c.encodeIfPresent(top, forKey: .top)
    try c.encode(logX, forKey: .logX)
    try c.encode(logY, forKey: .logY)
    try c.encode(stack, forKey: .stack)
    try c.encode(horizontal, forKey: .horizontal)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encodeIfPresent(xTitle, forKey: .xTitle)
    try c.encodeIfPresent(yTitle, forKey: .yTitle)
    try c.encode(theme, forKey: .theme)
    try c.encode("\(size.width)x\(size.height)", forKey: .size)
    try c.encode(scale, forKey: .scale)
    try c.encodeIfPresent(sheet, forKey: .sheet)
  }
}
