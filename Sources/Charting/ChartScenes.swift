internal import Drawing
package import LumenCore
package import Tables

/// Charts built from data another operation already summarised (the analysis' tables of
/// counts, means and bins), as scenes for ``SceneFile`` and inline SVG.
package enum ChartScenes {
  /// The chart of `table` as `lumen chart` draws it, and its warnings.
  package static func scene(table: Table, options: ChartOptions) throws -> (
    ChartScene, [String]
  ) {
    try options.validate()
    let (scene, _, warnings) = try Chart.scene(table: table, options: options)
    return (scene, warnings)
  }

  /// A histogram from bins already counted: `edges` has one more element than `counts`;
  /// `column` gives the x axis its title and unit.
  package static func histogram(
    edges: [Double], counts: [Int], column: TableColumn, options: ChartOptions
  ) throws -> ChartScene {
    let measurer = try Canvas(size: Size(width: 1, height: 1), fill: options.theme.background)
    try measurer.loadText()
    var layout = ChartLayout(options: options, measurer: measurer)
    layout.histogram(edges: edges, counts: counts, column: column)
    return layout.scene(title: options.title ?? "Distribution of \(column.name)")
  }

  /// Equal-width bins from `low` to `high` (NumPy's default edges; a single value gets a bin
  /// around it) and how many values fall in each, the last bin including its right edge;
  /// values that are not finite are left out.
  package static func bins(_ values: [Double], low: Double, high: Double, count bins: Int)
    -> (edges: [Double], counts: [Int])
  {
    binned(
      values.count, low: low, high: high, bins: bins, value: { values[$0] }, weight: { _ in 1 })
  }

  /// ``bins(_:low:high:count:)`` of values in ascending order (infinities at the ends): the
  /// same edges and counts, from two binary searches per bin.
  package static func bins(sorted values: [Double], low: Double, high: Double, count bins: Int)
    -> (edges: [Double], counts: [Int])
  {
    Self.bins(sortedCount: values.count, low: low, high: high, count: bins) { values[$0] }
  }

  /// ``bins(sorted:low:high:count:)`` of `count` values in ascending order, the `i`th read by
  /// `value(i)` (values held otherwise than as an array of doubles).
  package static func bins(
    sortedCount count: Int, low: Double, high: Double, count bins: Int, value: (Int) -> Double
  ) -> (edges: [Double], counts: [Int]) {
    var first = 0
    while first < count, value(first) == -.infinity { first += 1 }
    var end = count
    while end > first, value(end - 1) == .infinity { end -= 1 }
    return binned(
      count, low: low, high: high, bins: bins, value: value, weight: { _ in 1 },
      sortedFinite: first..<end)
  }

  /// Equal-width bins as for plain values above, each value counted `weight` times.
  package static func bins(
    _ items: [(value: Double, weight: Int)], low: Double, high: Double, count bins: Int
  ) -> (edges: [Double], counts: [Int]) {
    binned(
      items.count, low: low, high: high, bins: bins, value: { items[$0].value },
      weight: { items[$0].weight })
  }

  /// The binning itself, over `count` items read through two closures (concrete entry points
  /// above: a generic one called from another module ran unspecialised, looking up type
  /// metadata for every value).
  @inline(__always)
  private static func binned(
    _ count: Int, low: Double, high: Double, bins: Int, value: (Int) -> Double,
    weight: (Int) -> Int, sortedFinite: Range<Int>? = nil
  ) -> (edges: [Double], counts: [Int]) {
    var (a, b) = (low, high)
    if !(b > a) {
      // One value: a bin around it, wide enough to exist next to a huge number.
      let pad = Swift.max(0.5, abs(low) * 1e-9)
      (a, b) = (low - pad, high + pad)
    }
    let width = (b - a) / Double(bins)
    guard width > 0, width.isFinite else {
      // A span no bin width can divide (past ±1.8e308, or below the smallest double):
      // everything in one bin from the minimum to the maximum.
      var total = 0
      for i in 0..<count where value(i).isFinite { total += weight(i) }
      return ([low, high], [total])
    }
    let edges = (0...bins).map { a + Double($0) * width }
    var counts = Array(repeating: 0, count: bins)
    if let sortedFinite {
      // In order: each bin's values found by two binary searches (the bin of a value never
      // decreases as the value grows), not one division per value.
      var start = sortedFinite.lowerBound
      let end = sortedFinite.upperBound
      for k in 0..<bins {
        var low = start
        var high = end
        while low < high {
          let mid = (low + high) / 2
          if bin(value(mid), a, width, edges) > k { high = mid } else { low = mid + 1 }
        }
        counts[k] = low - start
        start = low
      }
      return (edges, counts)
    }
    for index in 0..<count {
      let v = value(index)
      guard v.isFinite else { continue }
      counts[bin(v, a, width, edges)] += weight(index)
    }
    return (edges, counts)
  }

  /// The bin of a finite `v`: its place from the lowest edge `a` in bin widths, moved by one
  /// when floating error put it beside the bin whose edges hold it.
  @inline(__always)
  private static func bin(_ v: Double, _ a: Double, _ width: Double, _ edges: [Double]) -> Int {
    let bins = edges.count - 1
    var i = Int((v - a) / width)
    if i >= bins { i = bins - 1 }
    if i < 0 { i = 0 }
    if v < edges[i], i > 0 {
      i -= 1
    } else if i + 1 < bins, v >= edges[i + 1] {
      i += 1
    }
    return i
  }

  /// The scene as an SVG file's text.
  package static func svgFile(_ scene: ChartScene) -> String {
    SVGWriter.svg(scene, standalone: true)
  }

  /// An SVG file's text (``svgFile(_:)``) as an `<svg>` element to place in a page: without
  /// the XML declaration and the namespace (HTML needs neither, and the page then holds no
  /// URL at all).
  package static func inlineSVG(fromFile file: String) -> String {
    var svg = Substring(file)
    if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") {
      svg = svg[svg.index(after: end)...]
    }
    var text = String(svg)
    if let range = text.range(of: " xmlns=\"http://www.w3.org/2000/svg\"") {
      text.removeSubrange(range)
    }
    return text
  }
}
