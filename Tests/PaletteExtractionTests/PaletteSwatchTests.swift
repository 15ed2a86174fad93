import Foundation
import LumenCore
import PNGCodec
import TestSupport
import Testing

@testable import PaletteExtraction

@Suite struct PaletteSwatchTests {
  /// 16 colours like a photo's: a few large shares and a tail of tiny ones.
  static let shares = [
    0.30, 0.18, 0.12, 0.09, 0.07, 0.06, 0.05, 0.04, 0.03, 0.02, 0.015, 0.01, 0.007, 0.005,
    0.002, 0.001,
  ]

  static func palette(_ shares: [Double]) throws -> [PaletteColor] {
    let total = shares.reduce(0, +)
    return try shares.enumerated().map { index, share in
      // Alternate dark and light colours, so both inks are used.
      let level = index % 2 == 0 ? 40 + index * 5 : 200 + index * 3
      let rgb = [level, (level * 7 + 50) % 256, 255 - level]
      let hex = "#" + rgb.map { String(format: "%02x", $0) }.joined()
      let json = """
        {"hex": "\(hex)", "rgb": [\(rgb[0]), \(rgb[1]), \(rgb[2])],
         "oklch": {"l": \(Double(level) / 255), "c": 0.1, "h": 120},
         "weight": \(share / total), "name": "mediumaquamarine", "nameDistance": 3}
        """
      return try JSONDecoder().decode(PaletteColor.self, from: Data(json.utf8))
    }
  }

  static func overlap(_ a: SwatchLabel, _ b: SwatchLabel) -> Bool {
    a.bounds.x < b.bounds.x + b.bounds.width && b.bounds.x < a.bounds.x + a.bounds.width
      && a.bounds.y < b.bounds.y + b.bounds.height && b.bounds.y < a.bounds.y + a.bounds.height
  }

  static func inside(_ label: SwatchLabel, _ size: Size) -> Bool {
    label.bounds.x >= 0 && label.bounds.y >= 0
      && label.bounds.x + label.bounds.width <= Double(size.width)
      && label.bounds.y + label.bounds.height <= Double(size.height)
  }

  static let sizes = [Size(width: 800, height: 160), Size(width: 400, height: 80)]

  @Test(arguments: sizes)
  func everyBarGetsItsHexWhereItFits(size: Size) throws {
    let colors = try Self.palette(Self.shares)
    let plan = try PaletteSwatch.plan(colors, size: size)
    #expect(plan.areas.map(\.width).reduce(0, +) == size.width)
    #expect(plan.areas.allSatisfy { $0.width >= 2 })
    #expect(plan.labels.map(\.colorIndex) == Array(colors.indices))
    #expect(plan.labels.map(\.text) == colors.map(\.hex))
    for label in plan.labels {
      #expect(Self.inside(label, size), "\(label.text) \(label.bounds)")
      let area = plan.areas[label.colorIndex]
      if label.leader == nil {
        // Inside its own bar.
        #expect(
          label.bounds.x >= Double(area.x)
            && label.bounds.x + label.bounds.width <= Double(area.x + area.width))
        #expect(label.bounds.y + label.bounds.height <= Double(area.height))
      } else {
        // Below the bars, with a line from its bar.
        #expect(label.bounds.y >= Double(area.height), "\(label.text)")
        #expect(
          label.leader!.from.x >= Double(area.x)
            && label.leader!.from.x <= Double(area.x + area.width))
      }
      for other in plan.labels where other.colorIndex != label.colorIndex {
        #expect(!Self.overlap(label, other), "\(label.text) overlaps \(other.text)")
      }
    }
    // Narrow bars are labelled up the bar or below, wide ones across.
    #expect(plan.labels[0].isVertical == false)
    #expect(plan.labels.contains { $0.isVertical && $0.leader == nil })
    #expect(plan.labels.contains { $0.leader != nil })
  }

  @Test func everyLabelLeavesInkOnThePicture() throws {
    let colors = try Self.palette(Self.shares)
    let size = Size(width: 800, height: 160)
    let plan = try PaletteSwatch.plan(colors, size: size)
    let image = try PaletteSwatch.render(colors, size: size)
    for label in plan.labels {
      let ink = RGBAPixel(label.ink)
      var inked = 0
      let x0 = Int(label.bounds.x)
      let x1 = Int((label.bounds.x + label.bounds.width).rounded(.up))
      let y0 = Int(label.bounds.y)
      let y1 = Int((label.bounds.y + label.bounds.height).rounded(.up))
      for y in max(0, y0)..<min(size.height, y1) {
        for x in max(0, x0)..<min(size.width, x1) {
          let p = image[x, y]
          if abs(Int(p.red) - Int(ink.red)) + abs(Int(p.green) - Int(ink.green))
            + abs(Int(p.blue) - Int(ink.blue)) < 60
          {
            inked += 1
          }
        }
      }
      // At least a few strokes of ink: tiny turned labels leave 16–30 such pixels.
      #expect(inked > 10, "\(label.text): \(inked) ink pixels")
    }
  }

  @Test func bigPalettesStillFitTheirLabels() throws {
    // 64 colours, most of them slivers.
    let shares = (0..<64).map { $0 < 4 ? 0.2 : 0.2 / 60 }
    let colors = try Self.palette(shares)
    let size = Size(width: 800, height: 160)
    let plan = try PaletteSwatch.plan(colors, size: size)
    #expect(plan.labels.count == 64)
    for label in plan.labels {
      #expect(Self.inside(label, size))
      for other in plan.labels where other.colorIndex > label.colorIndex {
        #expect(!Self.overlap(label, other), "\(label.text) overlaps \(other.text)")
      }
    }
  }

  @Test(arguments: [nil, Size(width: 400, height: 200)] as [Size?])
  func gridTilesShowHexNameAndShare(size: Size?) throws {
    let colors = try Self.palette(Self.shares)
    let plan = try PaletteSwatch.plan(colors, size: size, layout: .grid)
    let size = size ?? PaletteSwatch.defaultSize(for: .grid, colorCount: colors.count)
    #expect(size == (size == Size(width: 400, height: 200) ? size : Size(width: 800, height: 400)))
    #expect(plan.areas.count == 16)
    #expect(plan.areas.map { $0.width * $0.height }.reduce(0, +) == size.width * size.height)
    for (index, color) in colors.enumerated() {
      let texts = plan.labels.filter { $0.colorIndex == index }.map(\.text)
      #expect(texts == [color.hex, color.name, PaletteReport.percent(color.weight)])
      let area = plan.areas[index]
      for label in plan.labels where label.colorIndex == index {
        #expect(
          label.bounds.x >= Double(area.x)
            && label.bounds.x + label.bounds.width <= Double(area.x + area.width))
        #expect(
          label.bounds.y >= Double(area.y)
            && label.bounds.y + label.bounds.height <= Double(area.y + area.height))
        #expect(label.sizePoints >= 7)
      }
    }
    let image = try PaletteSwatch.render(colors, size: size, layout: .grid)
    #expect(image.width == size.width && image.height == size.height)
    #expect(image[2, 2] == RGBAPixel(colors[0].color))
  }

  @Test func writesEitherLayout() throws {
    let colors = try Self.palette(Array(Self.shares.prefix(5)))
    let folder = TemporaryDirectory()
    try PaletteSwatch.write(colors, to: folder.file("bars.png"))
    try PaletteSwatch.write(colors, to: folder.file("grid.png"), layout: .grid)
    #expect(try PNGFile.read(path: folder.file("bars.png")).height == 160)
    #expect(try PNGFile.read(path: folder.file("grid.png")).height == 100)
    #expect(
      PaletteSwatch.Layout(rawValue: "grid") == .grid && PaletteSwatch.Layout.allCases.count == 2)
  }

  @Test func anEmptyPaletteIsABlankPicture() throws {
    let image = try PaletteSwatch.render([])
    #expect(image.width == 800 && image.height == 160 && image[10, 10] == RGBAPixel(.white))
  }
}
