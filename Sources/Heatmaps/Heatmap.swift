public import Charting
internal import Foundation
public import LumenCore
public import Tables

/// `lumen heatmap`: a matrix, a pivot of a long table or a calendar, as a self-contained HTML
/// page (canvas cells, tooltips, zoom) or a PNG, SVG or PDF image.
///
/// ```swift
/// var options = HeatmapOptions()
/// options.x = "hour:time"
/// options.y = "weekday:time"
/// let report = try Heatmap.make(data: "events.csv", output: "events.html", options: options)
/// ```
public enum Heatmap {
  /// Reads the table, builds the grid (matrix, pivot or calendar), orders it and writes it in
  /// the format the output's extension names; `previewSize` also returns a small PNG.
  ///
  /// - Throws: ``HeatmapError`` for options and data that do not fit, ``TableError`` for the
  ///   table, `OutputFile.Failure` when the output cannot be written.
  public static func make(
    data: String, output: String, options: HeatmapOptions, overwrite: Bool = false,
    limits: TableReader.Limits = TableReader.Limits(), previewSize: Size? = nil
  ) throws -> (report: HeatmapReport, preview: [UInt8]?) {
    try options.validate()
    guard let format = ChartOutputFormat(outputName: output) else {
      throw HeatmapError.invalidOption(
        "\(output): the output must end in .html, .png, .svg or .pdf (the format follows the name)")
    }
    try OutputFile.check(destination: output, inputs: [data], overwrite: overwrite)
    var grid: HeatmapGrid
    var rowsRead: Int
    var warnings: [String]
    if options.shape == .matrix, options.columns == nil, options.sheet == nil,
      let matrix = try TableReader.readNumberMatrix(path: data, limits: limits)
    {
      try Task.checkCancellation()
      grid = try HeatmapGridBuilder.matrix(matrix, options: options)
      (rowsRead, warnings) = (matrix.rowCount, [])
    } else {
      let table = try TableReader.read(
        path: data, columns: options.columns, sheet: options.sheet, limits: limits)
      try Task.checkCancellation()
      grid = try HeatmapGridBuilder.grid(table, options: options)
      (rowsRead, warnings) = (table.rowCount, table.warnings)
    }
    if options.order != .given {
      guard grid.calendarFirstYear == nil, grid.basemap == nil else {
        throw HeatmapError.invalidOption(
          "order applies to a matrix or a pivot; a calendar or a map keeps its layout")
      }
      let (rows, columns) = try HeatmapOrdering.orders(grid, options.order)
      grid = grid.reordered(rows: rows, columns: columns)
    }
    try Task.checkCancellation()
    let summary = HeatmapValueSummary(grid)
    let coloring = try HeatmapColoring(summary: summary, options: options)
    if options.log {
      let uncoloured = summary.nonPositiveCount
      if uncoloured > 0 {
        warnings.append(
          "\(uncoloured) cells at or below 0 have no colour on a log scale (drawn grey, their values kept)"
        )
      }
    }
    if format == .svg || format == .pdf, grid.values.count > options.maxVectorCells {
      throw HeatmapError.limitExceeded(
        "\(grid.rowCount) × \(grid.columnCount) cells are too many to draw one by one in \(format.rawValue.uppercased()) (at most \(options.maxVectorCells)); write .png or .html"
      )
    }
    let file = try OutputFile(destination: output, inputs: [data], overwrite: overwrite)
    var annotated = false
    do {
      if format == .html {
        let rounded = try HeatmapPage.write(
          grid, coloring: coloring, title: options.title, to: file.temporaryPath)
        if rounded {
          warnings.append(
            "the page holds the values as float32 (about 7 significant digits) to stay small")
        }
      } else {
        let (scene, wrote) = try HeatmapScene.scene(
          grid, coloring: coloring, options: options, size: options.size)
        annotated = wrote
        try SceneFile.write(scene, format: format, to: file.temporaryPath, scale: 1)
      }
    } catch let error as any LumenError {
      throw error
    } catch {
      throw HeatmapError.outputFailed("cannot write \(output): \(error.localizedDescription)")
    }
    let bytes =
      (try? FileManager.default.attributesOfItem(atPath: file.temporaryPath)[.size] as? Int) ?? 0
    try file.commit()
    var preview: [UInt8]?
    if let previewSize {
      let (scene, _) = try HeatmapScene.scene(
        grid, coloring: coloring, options: options, size: previewSize)
      preview = try SceneFile.png(scene)
    }
    let report = HeatmapReport(
      output: output, format: format, shape: options.shape, rowsRead: rowsRead,
      rows: grid.rowCount, columns: grid.columnCount,
      minValue: summary.range(log: false)?.low ?? .nan,
      maxValue: summary.range(log: false)?.high ?? .nan,
      missingCells: grid.values.count - summary.finiteCount - grid.blankCells.count,
      binning: grid.densityNote,
      aggregation: options.shape == .matrix || options.shape == .density
        ? nil : options.resolvedAggregation,
      valueTitle: grid.valueTitle, scale: options.scale, order: options.order,
      annotated: annotated, bytes: bytes, warnings: warnings)
    return (report, preview)
  }
}
