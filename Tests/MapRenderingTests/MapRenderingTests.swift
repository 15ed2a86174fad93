import FFmpegIO
import Foundation
import GIFCodec
import Geo
import Lights
import LumenCore
@testable import MapRendering
import PNGCodec
import TestSupport
import Testing

@Suite struct MapRenderingTests {
  static let sample = Fixtures.path("lighthouses-sample.csv")

  static func options(_ change: (inout MapOptions) -> Void = { _ in }) -> MapOptions {
    var o = MapOptions()
    o.size = Size(width: 320, height: 200)
    o.seconds = 2
    change(&o)
    return o
  }

  @Test func gifIsDeterministic() throws {
    let folder = TemporaryDirectory()
    let a = folder.file("a.gif"), b = folder.file("b.gif")
    _ = try MapAnimation.render(input: Self.sample, output: a, options: Self.options())
    _ = try MapAnimation.render(input: Self.sample, output: b, options: Self.options())
    let bytesA = try Data(contentsOf: URL(fileURLWithPath: a))
    #expect(bytesA.count > 1000)
    #expect(bytesA == (try Data(contentsOf: URL(fileURLWithPath: b))))
  }

  @Test func gifDecodesToTheRenderedFramesAfterPaletteMapping() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("map.gif")
    let options = Self.options()
    let report = try MapAnimation.render(input: Self.sample, output: path, options: options)
    #expect(report.frames == 20)
    #expect(report.region == "usa" && report.projection == "albers-usa")

    let table = try PointTable.read(path: Self.sample)
    let renderer = try MapRenderer(points: table.points, options: options)
    var colors = MapPalette.table(theme: options.theme, lightColors: renderer.legend.map(\.color))
    var decoder = try GIFDecoder(path: path)
    var index = 0, shownUntil = 0
    var frame = try #require(try decoder.nextFrame())
    var totalCentiseconds = 0
    // GIF frames merge identical neighbours, so each decoded frame covers one or more renders.
    while index < options.frameCount {
      if index * 10 >= shownUntil + frame.timing.playedCentiseconds, let next = try decoder.nextFrame() {
        shownUntil += frame.timing.playedCentiseconds
        frame = next
      }
      let rendered = try renderer.frame(index)
      var expected = rendered
      for p in stride(from: 0, to: expected.bytes.count, by: 4) {
        let c = colors.colors[Int(colors.index(red: rendered.bytes[p], green: rendered.bytes[p + 1], blue: rendered.bytes[p + 2]))]
        expected.bytes[p] = c.red; expected.bytes[p + 1] = c.green; expected.bytes[p + 2] = c.blue
      }
      #expect(frame.image == expected, "frame \(index)")
      index += 1
    }
    while let next = try decoder.nextFrame() { totalCentiseconds += next.timing.playedCentiseconds }
    #expect(report.durationSeconds == 2)
    _ = totalCentiseconds
  }

  @Test func aLightIsBrightWhenOnAndDarkWhenOff() throws {
    // One light, `Iso W 4s`: on 2 s, off 2 s, shifted by its seeded phase.
    let folder = TemporaryDirectory()
    let csv = folder.write(Array("name,lat,lon,characteristic\nTest,41.5,-81.7,Iso W 4s\n".utf8), to: "one.csv")
    let options = Self.options { $0.seconds = 4; $0.label = .none }
    let table = try PointTable.read(path: csv)
    let renderer = try MapRenderer(points: table.points, options: options)
    let light = try #require(renderer.lights.first)
    #expect(renderer.lightsWithCharacteristic == 1)
    var on: Int?, off: Int?
    for i in 0..<options.frameCount {
      let level = light.schedule.brightness(atSeconds: renderer.seconds(ofFrame: i))
      if level == 1, on == nil { on = i }
      if level == 0, off == nil { off = i }
    }
    let onFrame = try renderer.frame(try #require(on)), offFrame = try renderer.frame(try #require(off))
    let base = renderer.basemap[light.x, light.y]
    let lit = onFrame[light.x, light.y], dark = offFrame[light.x, light.y]
    #expect(Int(lit.red) + Int(lit.green) > 400, "lit \(lit)")
    #expect(dark == base, "dark \(dark) base \(base)")
    // Two pixels away the glow is dimmer but still there.
    let halo = onFrame[light.x + 2, light.y]
    #expect(halo.red > renderer.basemap[light.x + 2, light.y].red && halo.red < lit.red)
  }

  @Test func videoAndPosterOutputs() throws {
    let folder = TemporaryDirectory()
    let mp4 = folder.file("map.mp4"), png = folder.file("map.png")
    let video = try MapAnimation.render(input: Self.sample, output: mp4, options: Self.options())
    #expect(video.format == "mp4" && video.frames == 20)
    var reader = try MediaReader(path: mp4)
    var frames = 0
    while try reader.nextFrame() != nil { frames += 1 }
    #expect(frames == 20)
    #expect(reader.info.durationSeconds.map { abs($0 - 2) < 0.01 } == true)

    let poster = try MapAnimation.render(input: Self.sample, output: png, options: Self.options())
    #expect(poster.frames == 1)
    let image = try PNGFile.read(path: png)
    #expect(image.width == 320 && image.height == 200)
  }

  @Test func regionsAndProjections() throws {
    let folder = TemporaryDirectory()
    let world = folder.write(Array("lat,lon\n48.85,2.35\n-33.9,151.2\n40.7,-74\n".utf8), to: "world.csv")
    let r1 = try MapAnimation.render(input: world, output: folder.file("w.png"), options: Self.options())
    #expect(r1.region == "world" && r1.projection == "equal-earth" && r1.pointsDrawn == 3)
    let lake = folder.write(Array("lat,lon\n43.0,-87.9\n44.5,-87.5\n".utf8), to: "lake.csv")
    let r2 = try MapAnimation.render(
      input: lake, output: folder.file("l.png"), options: Self.options { $0.region = .bounds(GeoBounds(west: -89, south: 41, east: -84, north: 46.5)) })
    #expect(r2.projection == "equirectangular" && r2.pointsDrawn == 2)
    let r3 = try MapAnimation.render(input: world, output: folder.file("u.png"), options: Self.options { $0.region = .usa })
    #expect(r3.pointsDrawn == 1 && r3.skipped["outside the map"] == 2)
  }

  @Test(arguments: ["89.9,10", "-89.9,-170", "0,179.9", "0,-179.9", "90,180"])
  func aPointNearAPoleOrTheDatelineIsDrawn(_ point: String) throws {
    let folder = TemporaryDirectory()
    let csv = folder.write(Array("lat,lon\n\(point)\n".utf8), to: "p.csv")
    let report = try MapAnimation.render(input: csv, output: folder.file("p.png"), options: Self.options())
    #expect(report.pointsDrawn == 1, "\(point): \(report.region)")
  }

  @Test func unreadableCharacteristicsFallBackWithAWarning() throws {
    let folder = TemporaryDirectory()
    let csv = folder.write(
      Array("lat,lon,characteristic\n41.5,-81.7,Fl(2) R 6s\n42,-83,Xyz 4s\n43,-87.9,\n".utf8), to: "c.csv")
    let report = try MapAnimation.render(input: csv, output: folder.file("c.png"), options: Self.options())
    #expect(report.pointsDrawn == 3)
    #expect(report.lightsWithCharacteristic == 1)
    #expect(report.characteristicFallbacks == 1)
    #expect(report.warnings.contains { $0.contains("not understood, default blink used") && $0.contains("Xyz") })
    #expect(report.legend["red"] == 1 && report.legend["white"] == 2)
  }

  @Test func badOptionsAndOutputsLeaveNothing() throws {
    let folder = TemporaryDirectory()
    #expect(throws: MapError.self) {
      try MapAnimation.render(input: Self.sample, output: folder.file("x.gif"), options: Self.options { $0.framesPerSecond = 0 })
    }
    #expect(throws: MapError.self) {
      try MapAnimation.render(input: Self.sample, output: folder.file("x.bmp"), options: Self.options())
    }
    #expect(throws: MapError.self) {
      try MapAnimation.render(input: folder.file("missing.csv"), output: folder.file("x.gif"), options: Self.options())
    }
    #expect(folder.contents().isEmpty)
  }
}
