internal import Drawing
internal import LumenCore

// MARK: - Placing colours and labels

extension PaletteSwatch {
  /// The largest label font, at the default 800×160 size.
  static let labelPoints = 13.0

  /// Where `colors` and their labels go in a swatch of `size`, measured with a scratch canvas.
  static func plan(_ colors: [PaletteColor], size: Size? = nil, layout: Layout = .bars) throws
    -> SwatchPlan
  {
    let size = size ?? defaultSize(for: layout, colorCount: colors.count)
    let canvas = try Canvas(size: Size(width: 1, height: 1), fill: .white)
    return plan(colors, size: size, layout: layout, canvas: canvas)
  }

  static func plan(
    _ colors: [PaletteColor], size: Size, layout: Layout, canvas: borrowing Canvas
  ) -> SwatchPlan {
    guard !colors.isEmpty, size.width > 0, size.height > 0 else {
      return SwatchPlan(areas: [], labels: [])
    }
    switch layout {
    case .bars: return barsPlan(colors, size: size, canvas: canvas)
    case .grid: return gridPlan(colors, size: size, canvas: canvas)
    }
  }

  /// Black on light colours, white on dark ones.
  static func ink(on color: PaletteColor) -> RGBColor { color.oklch.l > 0.6 ? .black : .white }

  // MARK: Bars

  /// Bars as wide as their shares, at least 2 pixels each (when there is room), summing to
  /// `width`: rounding and the minimum are evened out on the bars they change least.
  static func barWidths(_ weights: [Double], width: Int) -> [Int] {
    let total = max(weights.reduce(0, +), 1e-12)
    let raw = weights.map { $0 / total * Double(width) }
    let least = min(2, width / max(weights.count, 1))
    var widths = raw.map { max(least, Int($0.rounded())) }
    var surplus = widths.reduce(0, +) - width
    while surplus != 0 {
      let candidates = widths.indices.filter { surplus < 0 || widths[$0] > least }
      guard !candidates.isEmpty else { break }
      let pick =
        surplus > 0
        ? candidates.max { Double(widths[$0]) - raw[$0] < Double(widths[$1]) - raw[$1] }!
        : candidates.max { raw[$0] - Double(widths[$0]) < raw[$1] - Double(widths[$1]) }!
      widths[pick] += surplus > 0 ? -1 : 1
      surplus += surplus > 0 ? -1 : 1
    }
    return widths
  }

  private static func barsPlan(_ colors: [PaletteColor], size: Size, canvas: borrowing Canvas)
    -> SwatchPlan
  {
    let widths = barWidths(colors.map(\.weight), width: size.width)
    var starts: [Int] = []
    var x = 0
    for width in widths {
      starts.append(x)
      x += width
    }
    let scale = min(Double(size.width) / 800, Double(size.height) / 160)
    var points = min(labelPoints, max(7, (labelPoints * scale * 2).rounded() / 2))
    while true {
      let isLast = points <= 4
      if let plan = barsPlan(
        colors, size: size, starts: starts, widths: widths, points: points, canvas: canvas,
        force: isLast)
      {
        return plan
      }
      points -= 0.5
    }
  }

  /// The bars' labels at `points`, or `nil` when they do not all fit (unless `force`).
  private static func barsPlan(
    _ colors: [PaletteColor], size: Size, starts: [Int], widths: [Int], points: Double,
    canvas: borrowing Canvas, force: Bool
  ) -> SwatchPlan? {
    let (ascent, descent) = canvas.fontExtents(sizePoints: points)
    let lineHeight = ascent + descent
    let texts = colors.map(\.hex)
    let lengths = texts.map { canvas.textWidth($0, sizePoints: points) }
    // A bar too narrow for the text turned up may still hold it a little smaller.
    let smallPoints = max(7, (points * 0.8 * 2).rounded(.down) / 2)
    let (smallAscent, smallDescent) = canvas.fontExtents(sizePoints: smallPoints)
    let smallLengths = texts.map { canvas.textWidth($0, sizePoints: smallPoints) }
    let height = Double(size.height)
    enum Place { case across, up, upSmaller, below }
    func places(barHeight: Double) -> [Place] {
      colors.indices.map { index in
        let width = Double(widths[index])
        if lengths[index] + 8 <= width, lineHeight + 8 <= barHeight { return .across }
        if lineHeight + 2 <= width, lengths[index] + 10 <= barHeight { return .up }
        if smallAscent + smallDescent + 1 <= width, smallLengths[index] + 10 <= barHeight {
          return .upSmaller
        }
        return .below
      }
    }
    var barHeight = height
    var placed = places(barHeight: barHeight)
    var band = 0.0
    if placed.contains(.below) {
      band = ((lengths.max() ?? 0) + 10).rounded(.up)
      barHeight = height - band
      guard force || barHeight >= height / 3 else { return nil }
      placed = places(barHeight: barHeight)
    }
    // Labels below the bars stand side by side, as near their bars as they can.
    let below = colors.indices.filter { placed[$0] == .below }
    let slot = lineHeight + 2
    guard force || Double(below.count) * slot <= Double(size.width) else { return nil }
    var centres = below.map { Double(starts[$0]) + Double(widths[$0]) / 2 }
    for i in centres.indices {
      centres[i] = max(centres[i], slot / 2, i > 0 ? centres[i - 1] + slot : 0)
    }
    for i in centres.indices.reversed() {
      centres[i] = min(
        centres[i], Double(size.width) - slot / 2,
        i + 1 < centres.count ? centres[i + 1] - slot : .infinity)
    }

    let areas = colors.indices.map {
      PixelRect(x: starts[$0], y: 0, width: widths[$0], height: Int(barHeight))
    }
    var labels: [SwatchLabel] = []
    for index in colors.indices {
      let left = Double(starts[index])
      let centre = left + Double(widths[index]) / 2
      let length = lengths[index]
      switch placed[index] {
      case .across:
        let baseline = barHeight - 8
        labels.append(
          SwatchLabel(
            colorIndex: index, text: texts[index], sizePoints: points, x: left + 4, y: baseline,
            bounds: (left + 4, baseline - ascent, length, lineHeight), ink: ink(on: colors[index])))
      case .up:
        let start = barHeight - 6
        labels.append(
          SwatchLabel(
            colorIndex: index, text: texts[index], sizePoints: points,
            x: centre + (ascent - descent) / 2, y: start, isVertical: true,
            bounds: (centre - lineHeight / 2, start - length, lineHeight, length),
            ink: ink(on: colors[index])))
      case .upSmaller:
        let start = barHeight - 6
        let small = smallAscent + smallDescent
        labels.append(
          SwatchLabel(
            colorIndex: index, text: texts[index], sizePoints: smallPoints,
            x: centre + (smallAscent - smallDescent) / 2, y: start, isVertical: true,
            bounds: (centre - small / 2, start - smallLengths[index], small, smallLengths[index]),
            ink: ink(on: colors[index])))
      case .below:
        let slotCentre = centres[below.firstIndex(of: index)!]
        let start = height - 5
        labels.append(
          SwatchLabel(
            colorIndex: index, text: texts[index], sizePoints: points,
            x: slotCentre + (ascent - descent) / 2, y: start, isVertical: true,
            bounds: (slotCentre - lineHeight / 2, start - length, lineHeight, length),
            ink: RGBColor(red: 64, green: 64, blue: 64),
            leader: (Point(x: centre, y: barHeight), Point(x: slotCentre, y: start - length - 3))))
      }
    }
    return SwatchPlan(areas: areas, labels: labels)
  }

  // MARK: Grid

  private static func gridPlan(_ colors: [PaletteColor], size: Size, canvas: borrowing Canvas)
    -> SwatchPlan
  {
    let total = max(colors.reduce(0) { $0 + $1.weight }, 1e-12)
    let lines = colors.map { [$0.hex, $0.name, PaletteReport.percent($0.weight / total)] }
    // Measured once at the largest size; text scales with the font.
    let widest = lines.map { line in
      line.enumerated().map { canvas.textWidth($1, sizePoints: labelPoints, bold: $0 == 0) }.max()!
    }.max()!
    let (ascent13, descent13) = canvas.fontExtents(sizePoints: labelPoints, bold: true)
    let lineHeight13 = (ascent13 + descent13) * 1.05
    let width = Double(size.width)
    let height = Double(size.height)
    // The column count that allows the largest font (in half points), then leaves the fewest
    // cells empty.
    var best = (columns: 1, points: 0.0, empty: Int.max)
    for columns in 1...colors.count {
      let rows = (colors.count + columns - 1) / columns
      let tileWidth = width / Double(columns)
      let tileHeight = height / Double(rows)
      let byWidth = (tileWidth - 10) / widest * labelPoints
      let byHeight = (tileHeight - 10) / (3 * lineHeight13) * labelPoints
      let points = (min(labelPoints, byWidth, byHeight) * 2).rounded(.down) / 2
      let empty = rows * columns - colors.count
      if points > best.points || (points == best.points && empty < best.empty) {
        best = (columns, points, empty)
      }
    }
    let columns = best.columns
    let rows = (colors.count + columns - 1) / columns
    let points = max(5, best.points)
    let (ascent, descent) = canvas.fontExtents(sizePoints: points, bold: true)
    let lineHeight = (ascent + descent) * 1.05
    var areas: [PixelRect] = []
    var labels: [SwatchLabel] = []
    for (index, color) in colors.enumerated() {
      // A short last row spreads its tiles over the whole width.
      let column = index % columns
      let row = index / columns
      let inRow = row == rows - 1 ? colors.count - row * columns : columns
      let x0 = column * size.width / inRow
      let x1 = (column + 1) * size.width / inRow
      let y0 = row * size.height / rows
      let y1 = (row + 1) * size.height / rows
      areas.append(PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
      let margin = 5.0
      for (line, text) in lines[index].enumerated() {
        let baseline = Double(y1) - margin - descent - Double(2 - line) * lineHeight
        let bold = line == 0
        labels.append(
          SwatchLabel(
            colorIndex: index, text: text, sizePoints: points, bold: bold, x: Double(x0) + margin,
            y: baseline,
            bounds: (
              Double(x0) + margin, baseline - ascent,
              canvas.textWidth(text, sizePoints: points, bold: bold), ascent + descent
            ), ink: ink(on: color)))
      }
    }
    return SwatchPlan(areas: areas, labels: labels)
  }
}
