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
