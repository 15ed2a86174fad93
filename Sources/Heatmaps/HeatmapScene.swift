internal import Charting
internal import Drawing
internal import Foundation
internal import LumenCore
internal import Tables

/// The heatmap as a chart scene for the PNG, SVG and PDF backends: cells, labels thinned to
/// fit, values written in the cells when asked or when they fit, and a colour bar.
enum HeatmapScene {
  static let background = RGBColor(red: 255, green: 255, blue: 255)
  static let text = RGBAPixel(red: 34, green: 34, blue: 34)
  static let muted = RGBAPixel(red: 85, green: 85, blue: 85)
  static let missing = RGBAPixel(red: 221, green: 221, blue: 221)
  static let land = RGBAPixel(red: 236, green: 239, blue: 243)
  static let coast = RGBAPixel(red: 140, green: 150, blue: 163)
  /// Cells up to this many carry their labels (an SVG's `aria-label`s).
  static let markedCells = 10_000

  static func scene(
    _ grid: HeatmapGrid, coloring: HeatmapColoring, options: HeatmapOptions, size: Size
  ) throws -> (scene: ChartScene, annotated: Bool) {
    let measurer = try Canvas(size: Size(width: 1, height: 1), fill: background)
    try measurer.loadText()
    func width(_ s: String, _ size: Double, bold: Bool = false) -> Double {
      measurer.measure(s, sizePixels: size, bold: bold).width
    }
    let sceneWidth = Double(size.width)
    var sceneHeight = Double(size.height)
    let labelSize = 11.0
    var items: [SceneItem] = []
    func label(
      _ s: String, _ x: Double, _ y: Double, size: Double = labelSize, bold: Bool = false,
      color: RGBAPixel = muted, anchor: Double = 0.5, rotation: Double = 0
    ) {
      items.append(
        .text(
          s, at: Point(x: x, y: y), size: size, bold: bold, color: color, anchor: anchor,
          rotation: rotation))
    }
    let rowLabels = grid.rowLabels.map(HeatmapPage.clip)
    let columnLabels = grid.columnLabels.map(HeatmapPage.clip)
    let isCalendar = grid.calendarFirstYear != nil
    let rowLabelWidth =
      isCalendar ? 64 : min(200, rowLabels.map { width($0, labelSize) }.max() ?? 0)
    let columnLabelWidth =
      isCalendar ? 10 : min(160, columnLabels.map { width($0, labelSize) }.max() ?? 0)
    var top = 16.0
    if let title = options.title {
      label(title, sceneWidth / 2, 30, size: 17, bold: true, color: text)
      top += 28
    }
    let left = 16 + 18 + rowLabelWidth + 8
    let right = 100.0
    // Guess the cell width to know whether column labels turn.
    let guessWidth = (sceneWidth - left - right) / Double(grid.columnCount)
    let rotated = columnLabelWidth + 4 > guessWidth
    let bottom = 16 + 18 + 8 + (rotated ? columnLabelWidth * 0.72 + 8 : labelSize + 4)
    var gridWidth = sceneWidth - left - right
    var gridHeight = sceneHeight - top - bottom
    guard gridWidth > 20, gridHeight > 20 else {
      throw HeatmapError.invalidOption(
        "size \(size.width)x\(size.height) leaves no room for the cells beside the labels; give a larger size"
      )
    }
    var cw = gridWidth / Double(grid.columnCount)
    var ch = gridHeight / Double(grid.rowCount)
    if grid.calendarFirstYear != nil || grid.basemap != nil {
      let side = min(cw, ch)
      cw = side
      ch = side
      gridWidth = side * Double(grid.columnCount)
      gridHeight = side * Double(grid.rowCount)
      // The image ends below the last block (a year is a short strip).
      sceneHeight = min(sceneHeight, top + max(gridHeight, 110) + bottom)
    }
    let x0 = left
    let y0 = top
    // A density map's basemap under its bins.
    for ring in grid.basemap ?? [] {
      let points = ring.map { Point(x: x0 + $0.x * cw, y: y0 + $0.y * ch) }
      items.append(.polygon(points: points, fill: land, series: nil))
      items.append(
        .line(points: points + [points[0]], stroke: coast, width: 0.6, dash: [], series: nil))
    }
    // Cells.
    let marked = grid.values.count <= markedCells
    let gap = cw >= 8 && ch >= 8 ? 0.5 : 0
    var hatches: [[Point]] = []
    for r in 0..<grid.rowCount {
      for c in 0..<grid.columnCount {
        let i = r * grid.columnCount + c
        if grid.blankCells.contains(i) { continue }
        let v = grid.values[i]
        let fill = coloring.color(v).map { RGBAPixel($0) } ?? missing
        let x = x0 + Double(c) * cw
        let y = y0 + Double(r) * ch
        let mark =
          marked
          ? SceneMark(
            series: nil,
            [
              (grid.rowTitle, grid.rowLabels[r]), (grid.columnTitle, grid.columnLabels[c]),
              (grid.valueTitle, v.isFinite ? ValueText.shortest(v) : "no data"),
            ]) : nil
        items.append(
          .rect(
            x: x + gap, y: y + gap, width: cw - 2 * gap, height: ch - 2 * gap, fill: fill,
            mark: mark))
        if !v.isFinite, cw >= 8, ch >= 8 {
          hatches.append([Point(x: x + 1, y: y + ch - 1), Point(x: x + cw - 1, y: y + 1)])
        }
      }
    }
    for h in hatches {
      items.append(
        .line(
          points: h, stroke: RGBAPixel(red: 150, green: 150, blue: 150), width: 1, dash: [],
          series: nil))
    }
    // Values in the cells.
    let format =
      options.format ?? HeatmapValueFormat(decimals: ValueText.decimals(for: grid.values))
    var annotated = false
    if options.annotate != .off, ch >= 9, grid.basemap == nil {
      let size = min(12, ch * 0.55)
      let texts = grid.values.map { $0.isFinite ? format.string($0) : "" }
      let fits =
        grid.values.count <= 2_500
        && texts.allSatisfy { $0.isEmpty || width($0, size) + 4 <= cw }
      if options.annotate == .on || fits {
        annotated = true
        for (i, s) in texts.enumerated() where !s.isEmpty && !grid.blankCells.contains(i) {
          let r = i / grid.columnCount
          let c = i % grid.columnCount
          let fill = coloring.color(grid.values[i]) ?? RGBColor(red: 221, green: 221, blue: 221)
          label(
            s, x0 + (Double(c) + 0.5) * cw, y0 + (Double(r) + 0.5) * ch + size * 0.35,
            size: size, color: contrast(fill))
        }
      }
    }
    if let firstYear = grid.calendarFirstYear {
      // Weekdays (Mon, Wed, Fri) per year block, the year above it, months along the top.
      for r in 0..<grid.rowCount where r % 7 % 2 == 0 && r % 7 < 6 {
        label(
          CivilDate.weekdayNames[r % 7], x0 - 6, y0 + (Double(r) + 0.5) * ch + labelSize * 0.35,
          anchor: 1)
      }
      for k in 0..<(grid.rowCount / 7) {
        label(
          String(firstYear + k), x0 - 6 - 30, y0 + (Double(k * 7) + 3.5) * ch + 4, size: 12,
          bold: true, color: text, anchor: 1)
      }
      let start = CivilDate.days(year: firstYear, month: 1, day: 1)
      let offset = CivilDate.weekday(days: start)
      for month in 1...12 {
        let first = CivilDate.days(year: firstYear, month: month, day: 1)
        let week = (first - start + offset) / 7
        label(
          CivilDate.monthNames[month - 1], x0 + Double(week) * cw, y0 + gridHeight + 6 + labelSize,
          anchor: 0)
      }
    } else if grid.basemap == nil {
      layoutLabels()
    }
    func layoutLabels() {
      // Row labels, thinned to ~13 px apart.
      let rowStep = max(1, Int((13 / ch).rounded(.up)))
      for r in stride(from: 0, to: grid.rowCount, by: rowStep) {
        label(rowLabels[r], x0 - 6, y0 + (Double(r) + 0.5) * ch + labelSize * 0.35, anchor: 1)
      }
      // Column labels, turned when they do not fit.
      let columnStep = max(1, Int(((rotated ? 13 : columnLabelWidth + 8) / cw).rounded(.up)))
      for c in stride(from: 0, to: grid.columnCount, by: columnStep) {
        let x = x0 + (Double(c) + 0.5) * cw
        if rotated {
          label(columnLabels[c], x + 3, y0 + gridHeight + 8, anchor: 1, rotation: -45)
        } else {
          label(columnLabels[c], x, y0 + gridHeight + 6 + labelSize)
        }
      }
    }
    // Axis titles.
    if grid.basemap == nil {
      label(
        grid.columnTitle, x0 + gridWidth / 2, sceneHeight - 14, size: 12, bold: true, color: text)
      label(
        grid.rowTitle, 16 + 10, y0 + gridHeight / 2, size: 12, bold: true, color: text,
        rotation: -90)
    }
    // Colour bar.
    let barX = x0 + gridWidth + 22
    let barHeight = isCalendar ? max(gridHeight, 100) : min(gridHeight, 320)
    let steps = 64
    for k in 0..<steps {
      let color = coloring.table[min(255, k * 256 / steps + 2)]
      let y = y0 + barHeight * (1 - Double(k + 1) / Double(steps))
      items.append(
        .rect(
          x: barX, y: y, width: 14, height: barHeight / Double(steps) + 0.5,
          fill: RGBAPixel(color), mark: nil))
    }
    // The bar's title starts over the bar, moved left when it would run off the picture.
    let barTitle = HeatmapPage.clip(grid.valueTitle)
    let titleX = min(barX, sceneWidth - 6 - width(barTitle, labelSize, bold: true))
    label(barTitle, titleX, y0 - 6, bold: true, color: text, anchor: 0)
    for v in ticks(coloring) {
      guard let t = coloring.position(v) else { continue }
      let y = y0 + barHeight * (1 - t)
      items.append(
        .line(
          points: [Point(x: barX + 14, y: y), Point(x: barX + 18, y: y)],
          stroke: muted, width: 1, dash: [], series: nil))
      label(
        ValueText.shortest((v * 1e9).rounded() / 1e9), barX + 21, y + labelSize * 0.35,
        anchor: 0)
    }
    let title = options.title ?? "\(grid.valueTitle) by \(grid.rowTitle) and \(grid.columnTitle)"
    return (
      ChartScene(
        width: sceneWidth, height: sceneHeight, background: background, title: title, items: items),
      annotated
    )
  }

  /// Round values along the colour bar, inside its range: Charting's axis ticks (1, 2, 2.5, 5
  /// steps; decades on a log scale).
  static func ticks(_ coloring: HeatmapColoring) -> [Double] {
    let (low, high) = (coloring.low, coloring.high)
    guard high > low else { return [low] }
    let ticks =
      coloring.log ? NiceTicks.logarithmic(low, high) : NiceTicks.linear(low, high, target: 6)
    let inside = ticks.values.filter {
      $0 >= low - 1e-9 * (high - low) && $0 <= high + 1e-9 * (high - low)
    }
    return inside.count >= 2 ? inside : [low, high]
  }

  /// Dark text on light cells, light text on dark ones (WCAG relative luminance).
  static func contrast(_ fill: RGBColor) -> RGBAPixel {
    func linear(_ c: UInt8) -> Double {
      let s = Double(c) / 255
      return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }
    let l = 0.2126 * linear(fill.red) + 0.7152 * linear(fill.green) + 0.0722 * linear(fill.blue)
    return l > 0.179
      ? RGBAPixel(red: 20, green: 20, blue: 20) : RGBAPixel(red: 250, green: 250, blue: 250)
  }
}
