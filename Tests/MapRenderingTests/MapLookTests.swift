import Foundation
import GIFCodec
import Geo
import Lights
import LumenCore
import TestSupport
import Testing

@testable import MapRendering

/// The map looks right by default: it loops without a jump, its legend names the colours
/// drawn, and lights stand out on the light theme.
@Suite struct MapLookTests {
  /// Inland US points (Kansas, Nebraska, Colorado …) with one light of each colour.
  static let points: [MapPoint] = [
    ("Fl(2) R 6s", 38.5, -98.5), ("Iso G 5s", 40.8, -99.5), (nil, 39.2, -101.5),
    ("Fl Y 4s", 37.7, -96.8), ("Oc Bu 4s", 41.5, -97.5), ("Fl W 2.5s", 39.8, -95.6),
    ("Q W", 36.5, -99.8),
  ].map { text, lat, lon in
    MapPoint(coordinate: GeoCoordinate(latitude: lat, longitude: lon), characteristic: text)
  }

  static func options(_ change: (inout MapOptions) -> Void = { _ in }) -> MapOptions {
    var o = MapOptions()
    o.size = Size(width: 400, height: 250)
    o.region = .usa
    change(&o)
    return o
  }

  @Test func theDefaultLengthIsAWholeNumberOfDefaultBlinks() {
    let period = LightCharacteristic.defaultBlink.periodSeconds
    let loops = MapOptions().loopSeconds / period
    #expect(loops == loops.rounded() && loops >= 2)
  }

  @Test(arguments: [nil, 6, 7.3, 2.5] as [Double?])
  func theLastFrameLeadsIntoTheFirstLikeAnyOther(seconds: Double?) throws {
    // (The clock label says where the loop is: it alone may jump.)
    let options = Self.options {
      if let seconds { $0.seconds = seconds }
      $0.label = .none
    }
    let renderer = try MapRenderer(points: Self.points, options: options)
    let end = options.frameCount
    for light in renderer.lights {
      let t = renderer.seconds(ofFrame: end)
      #expect(light.schedule.brightness(atSeconds: t) == light.schedule.brightness(atSeconds: 0))
    }
    // The frame after the last would be the first: the GIF's wrap is one more ordinary step.
    let first = try renderer.frame(0)
    #expect(try renderer.frame(end) == first)
    #expect(try (1..<end).contains { try renderer.frame($0) != first })  // it does animate
  }

  @Test(arguments: ["dark", "light"])
  func theLegendNamesTheColourDrawn(theme: String) throws {
    let options = Self.options { $0.theme = try! #require(MapTheme.named(theme)) }
    let renderer = try MapRenderer(points: Self.points, options: options)
    #expect(Set(renderer.legend.map(\.name)) == ["red", "green", "white", "yellow", "blue"])
    for entry in renderer.legend {
      #expect(Self.basicName(of: entry.color) == entry.name, "\(theme) \(entry)")
    }
    // And each lit light's core pixel is the legend's colour.
    for light in renderer.lights {
      let frame = try renderer.frame(try #require(Self.litFrame(light, renderer)))
      let core = frame[light.x, light.y]
      let color = RGBColor(red: core.red, green: core.green, blue: core.blue)
      #expect(renderer.legend.contains { $0.color == color }, "\(theme) \(color)")
    }
  }

  @Test func lightsStandOutOnTheLightTheme() throws {
    let options = Self.options {
      $0.theme = .light
      $0.label = .none
    }
    let renderer = try MapRenderer(points: Self.points, options: options)
    let land = options.theme.land
    for light in renderer.lights {
      // The map around the light is land.
      let around = [(8, 0), (-8, 0), (0, 8), (0, -8)].map {
        renderer.basemap[light.x + $0, light.y + $1]
      }
      #expect(around.contains { RGBColor(red: $0.red, green: $0.green, blue: $0.blue) == land })
      let frame = try renderer.frame(try #require(Self.litFrame(light, renderer)))
      // The light's outermost contrast: its ring (or its core where that is dark enough).
      var best = 1.0
      for dy in -4...4 {
        for dx in -4...4 {
          let p = frame[light.x + dx, light.y + dy]
          best = max(
            best,
            LightPalette.contrastRatio(RGBColor(red: p.red, green: p.green, blue: p.blue), land))
        }
      }
      #expect(best >= 3, "\(light.color(atSeconds: 0)): \(best)")
    }
    for color in LightColor.allCases {
      let core = LightPalette.dayColor(of: color)
      let ring = LightPalette.outline(of: core, against: [land, options.theme.background])
      #expect(LightPalette.contrastRatio(ring, land) >= 4.5)
      #expect(LightPalette.contrastRatio(ring, options.theme.background) >= 4.5)
      if [.red, .green, .blue].contains(color) {
        #expect(LightPalette.contrastRatio(core, land) >= 3, "\(color)")
      }
    }
  }

  @Test func theGIFTableHoldsEveryCoreAndRingExactly() throws {
    let options = Self.options { $0.theme = .light }
    let renderer = try MapRenderer(points: Self.points, options: options)
    #expect(renderer.outlines.count == renderer.legend.count)
    let table = MapPalette.table(
      theme: options.theme, lightColors: renderer.legend.map(\.color), outlines: renderer.outlines)
    for entry in renderer.legend {
      #expect(table.colors.contains(entry.color))
      #expect(table.colors.contains(try #require(renderer.outlines[entry.color])))
    }
    #expect(table.colors.count <= GIFColorTable.maximumColors)
    // The dark theme draws glows, without rings.
    #expect(try MapRenderer(points: Self.points, options: Self.options()).outlines.isEmpty)
  }

  @Test func theLightThemesGIFKeepsTheRingsAndCores() throws {
    let folder = TemporaryDirectory()
    let csv = folder.write(
      Array(
        ("lat,lon,characteristic\n"
          + Self.points.map {
            "\($0.coordinate.latitude),\($0.coordinate.longitude),\($0.characteristic ?? "")"
          }.joined(separator: "\n")).utf8), to: "points.csv")
    let options = Self.options {
      $0.theme = .light
      $0.seconds = 2
    }
    let path = folder.file("light.gif")
    _ = try MapAnimation.render(input: csv, output: path, options: options)
    let renderer = try MapRenderer(points: try PointTable.read(path: csv).points, options: options)
    var decoder = try GIFDecoder(path: path)
    var frame = try #require(try decoder.nextFrame())
    var index = 0
    var shownUntil = 0
    var checked = 0
    while index < options.frameCount {
      if index * 10 >= shownUntil + frame.timing.playedCentiseconds,
        let next = try decoder.nextFrame()
      {
        shownUntil += frame.timing.playedCentiseconds
        frame = next
      }
      let rendered = try renderer.frame(index)
      for light in renderer.lights
      where light.schedule.brightness(atSeconds: renderer.seconds(ofFrame: index)) == 1 {
        // The core and a pixel (almost) wholly of ring come through the GIF table all but
        // unchanged (its lookup is to the nearest of a few near colours).
        for (x, y) in [(light.x, light.y), (light.x + 1, light.y + 1)] {
          let a = frame.image[x, y]
          let b = rendered[x, y]
          let error = [(a.red, b.red), (a.green, b.green), (a.blue, b.blue)]
            .map { abs(Int($0) - Int($1)) }.max()!
          #expect(error <= 4, "\(a) for \(b)")
        }
        checked += 1
      }
      index += 1
    }
    #expect(checked > 10)
  }

  @Test func contrastRatioFollowsWCAG() {
    let white = RGBColor(red: 255, green: 255, blue: 255)
    let black = RGBColor(red: 0, green: 0, blue: 0)
    #expect(abs(LightPalette.contrastRatio(white, black) - 21) < 1e-9)
    #expect(LightPalette.contrastRatio(white, white) == 1)
    // #767676 on white is the classic 4.54:1.
    let gray = RGBColor(red: 0x76, green: 0x76, blue: 0x76)
    #expect(abs(LightPalette.contrastRatio(gray, white) - 4.54) < 0.01)
  }

  /// A frame where `light` is fully lit.
  static func litFrame(_ light: MapLight, _ renderer: MapRenderer) -> Int? {
    (0..<renderer.options.frameCount).first {
      light.schedule.brightness(atSeconds: renderer.seconds(ofFrame: $0)) == 1
    }
  }

  /// The basic colour word nearest `color` in CIELAB, over light and dark references.
  static func basicName(of color: RGBColor) -> String {
    let references: [(String, [UInt8])] = [
      ("white", [255, 255, 255]), ("black", [0, 0, 0]), ("gray", [128, 128, 128]),
      ("red", [255, 0, 0]), ("red", [139, 0, 0]), ("orange", [255, 165, 0]),
      ("yellow", [255, 255, 0]), ("brown", [139, 69, 19]), ("olive", [128, 128, 0]),
      ("green", [0, 255, 0]), ("green", [0, 128, 0]), ("cyan", [0, 255, 255]),
      ("blue", [0, 0, 255]), ("blue", [0, 0, 139]), ("blue", [30, 144, 255]),
      ("blue", [100, 149, 237]), ("green", [144, 238, 144]), ("red", [255, 99, 71]),
      ("purple", [128, 0, 128]),
      ("magenta", [255, 0, 255]), ("pink", [255, 192, 203]),
    ]
    let lab = Self.lab(color.red, color.green, color.blue)
    func distance(_ rgb: [UInt8]) -> Double {
      let other = Self.lab(rgb[0], rgb[1], rgb[2])
      return zip(lab, other).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
    return references.min { distance($0.1) < distance($1.1) }!.0
  }

  private static func lab(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> [Double] {
    func linear(_ v: UInt8) -> Double {
      let c = Double(v) / 255
      return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    let (lr, lg, lb) = (linear(r), linear(g), linear(b))
    let x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047
    let y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb
    let z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883
    func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
  }
}
