import Drawing
import Geo
import Lights
public import LumenCore

/// Draws a map animation: the basemap (land, borders, idle lights, title, legend,
/// attribution) once, then each frame as that picture with the lit glows added on top.
///
/// ```swift
/// let renderer = try MapRenderer(points: table.points, options: options)
/// var frame = renderer.basemap
/// for index in 0..<options.frameCount { try renderer.draw(index, into: &frame) }
/// ```
public struct MapRenderer: Sendable {
  /// The options it draws with.
  public let options: MapOptions
  let view: MapView
  /// The picture every frame starts from.
  public let basemap: RGBAImage
  let lights: [MapLight]
  let sprites: [GlowSprite]
  /// Points outside the picture (dropped), and characteristic texts that did not parse.
  let pointsOutside: Int
  let characteristicFallbacks: Int
  let lightsWithCharacteristic: Int
  let warnings: [String]
  /// The distinct glow colours, with how many lights show each.
  let legend: [(name: String, color: RGBColor, count: Int)]
  /// The ring colour of each light colour, when the theme draws rings.
  let outlines: [RGBColor: RGBColor]
  private let labelRect: PixelRect?
  private let ui: Double

  /// Resolves the region, loads the basemap, places the lights and draws the base picture.
  public init(points: [MapPoint], options: MapOptions) throws {
    self.options = options
    let size = options.size
    let ui = min(max(min(Double(size.width) / 800, Double(size.height) / 500), 0.5), 3)
    self.ui = ui
    let topBand = options.title != nil || options.label != .none ? Int(30 * ui) : Int(8 * ui)
    let bottomBand = Int(20 * ui)
    let side = Int(8 * ui)
    var view = try MapView.resolve(options.region, points: points)
    view.fit(
      into: PixelRect(
        x: side, y: topBand, width: size.width - 2 * side,
        height: size.height - topBand - bottomBand))
    self.view = view

    // Lights: pixel, schedule, colour, sprite.
    var lights: [MapLight] = []
    var outside = 0
    var fallbacks = 0
    var withCharacteristic = 0
    var failures: [String: Int] = [:]
    var spriteSizes: [Double] = []
    let bounds = PixelRect(x: 0, y: topBand, width: size.width, height: size.height - topBand)
    for (index, point) in points.enumerated() {
      if case .usa = options.region, !AlbersUSA.covers(point.coordinate) {
        outside += 1
        continue
      }
      if case .bounds(let box) = options.region, !box.contains(point.coordinate) {
        outside += 1
        continue
      }
      let p = view.pixel(point.coordinate)
      guard p.x.isFinite, p.y.isFinite else {
        outside += 1
        continue
      }
      let x = Int(p.x.rounded())
      let y = Int(p.y.rounded())
      guard x >= bounds.x, x < bounds.x + bounds.width, y >= bounds.y, y < bounds.y + bounds.height
      else {
        outside += 1
        continue
      }
      var characteristic = LightCharacteristic.defaultBlink
      if let text = point.characteristic {
        do {
          characteristic = try LightCharacteristic.parse(text)
          withCharacteristic += 1
        } catch {
          fallbacks += 1
          failures["\(error)", default: 0] += 1
        }
      }
      // Every schedule repeats exactly over the animation, so the last frame leads into the
      // first like any other.
      let schedule = BlinkSchedule(
        characteristic,
        phaseOffsetSeconds: characteristic.phaseOffsetSeconds(seed: options.seed, index: index),
        loopSeconds: options.loopSeconds)
      var spriteIndex = spriteSizes.firstIndex(of: point.sizeFactor)
      if spriteIndex == nil {
        spriteSizes.append(point.sizeFactor)
        spriteIndex = spriteSizes.count - 1
      }
      lights.append(
        MapLight(
          x: x, y: y, schedule: schedule, fixedColor: point.color, spriteIndex: spriteIndex!,
          style: options.theme.lightStyle))
    }
    self.lights = lights
    // A ring at least 1.2 px wide, so that some of its pixels are wholly ring even on small maps.
    let isOutlined = options.theme.lightStyle == .outlined
    self.sprites = spriteSizes.map {
      GlowSprite(
        coreRadius: 1.4 * ui * $0, haloRadius: 4.5 * ui * $0,
        ringWidth: isOutlined ? max(1.1 * ui * $0, 1.2) : 0)
    }
    pointsOutside = outside
    characteristicFallbacks = fallbacks
    lightsWithCharacteristic = withCharacteristic
    var warnings: [String] = []
    for (message, count) in failures.sorted(by: { $0.value > $1.value }).prefix(5) {
      warnings.append(
        "\(count) light characteristic(s) not understood, default blink used: \(message)")
    }
    if outside > 0 {
      warnings.append(
        "\(outside) point(s) lie outside the map (\(view.regionName)) and are not drawn")
    }
    self.warnings = warnings

    // Legend: every colour a light shows during its period, named as drawn.
    let style = options.theme.lightStyle
    var counts: [RGBColor: (String, Int)] = [:]
    var order: [RGBColor] = []
    for light in lights {
      var shown: [(String, RGBColor)] = []
      if let fixed = light.fixedColor {
        shown = [(LightPalette.name(of: fixed) ?? fixed.hex, fixed)]
      } else {
        for c in light.schedule.characteristic.colors {
          shown.append((LightPalette.name(of: c), LightPalette.color(of: c, style: style)))
        }
        if shown.isEmpty { shown = [("white", LightPalette.color(of: .white, style: style))] }
      }
      for (name, color) in shown {
        if counts[color] == nil { order.append(color) }
        counts[color, default: (name, 0)].1 += 1
      }
    }
    legend = order.compactMap { color in counts[color].map { ($0.0, color, $0.1) } }
    let backgrounds = [options.theme.land, options.theme.background]
    outlines =
      style == .outlined
      ? Dictionary(
        uniqueKeysWithValues: order.map { ($0, LightPalette.outline(of: $0, against: backgrounds)) }
      )
      : [:]

    labelRect =
      options.label == .none
      ? nil
      : PixelRect(x: size.width - Int(150 * ui) - side, y: 0, width: Int(150 * ui), height: topBand)
    basemap = try Self.drawBase(
      view: view, lights: lights, legend: legend, outlines: outlines, options: options, ui: ui,
      topBand: topBand)
  }

  private static func drawBase(
    view: MapView, lights: [MapLight], legend: [(name: String, color: RGBColor, count: Int)],
    outlines: [RGBColor: RGBColor], options: MapOptions, ui: Double, topBand: Int
  ) throws -> RGBAImage {
    let theme = options.theme
    let size = options.size
    let canvas = try Canvas(size: size, fill: theme.background)
    let hasStates = view.layers.contains { $0.source == .usStatesLonLat }
    for layer in view.layers {
      // With the states drawn, the country outline of the US would cover the Great Lakes.
      for feature in layer.features
      where !(hasStates && layer.source == .worldCountries && feature.code == "USA") {
        let rings = feature.polygons.flatMap { $0 }.map { ring in
          ring.map { view.pixel(basemapPoint: $0, isLonLat: layer.source.isLonLat) }
        }
        canvas.fill(rings: rings, color: RGBAPixel(theme.land))
        canvas.stroke(rings: rings, color: RGBAPixel(theme.border), widthPixels: 0.7 * ui)
      }
    }
    // Idle lights: a faint dot where each light is (of the ring's colour when there is one).
    for light in lights {
      let color = light.color(atSeconds: 0)
      var c = RGBAPixel(outlines[color] ?? color)
      c.alpha = UInt8(theme.idleDotOpacity * 255)
      canvas.fillCircle(
        centerX: Double(light.x), centerY: Double(light.y), radius: 1.2 * ui, color: c)
    }
    // Bands above and below the map stay plain, whatever the projection spills into them.
    let bottomBand = Int(20 * ui)
    canvas.fillRectangle(
      PixelRect(x: 0, y: 0, width: size.width, height: topBand), color: RGBAPixel(theme.background))
    canvas.fillRectangle(
      PixelRect(x: 0, y: size.height - bottomBand, width: size.width, height: bottomBand),
      color: RGBAPixel(theme.background))
    // Title band.
    if let title = options.title {
      canvas.drawText(
        title, x: 10 * ui, y: Double(topBand) - 9 * ui, sizePoints: 15 * ui,
        color: RGBAPixel(theme.text), bold: true)
    }
    // Legend, bottom left: a dot and a count per colour.
    var x = 10 * ui
    let baseline = Double(size.height) - 6 * ui
    for entry in legend.prefix(6) {
      if let ring = outlines[entry.color] {
        canvas.fillCircle(
          centerX: x + 3 * ui, centerY: baseline - 3.5 * ui, radius: 4.3 * ui,
          color: RGBAPixel(ring))
      }
      canvas.fillCircle(
        centerX: x + 3 * ui, centerY: baseline - 3.5 * ui, radius: 3.2 * ui,
        color: RGBAPixel(entry.color))
      let text = "\(entry.name) \(entry.count)"
      canvas.drawText(
        text, x: x + 9 * ui, y: baseline, sizePoints: 10 * ui, color: RGBAPixel(theme.secondaryText)
      )
      x += 9 * ui + canvas.textWidth(text, sizePoints: 10 * ui) + 12 * ui
    }
    // Attribution, bottom right.
    let basemapSource =
      view.layers.contains { $0.source == .worldCountries } && view.layers.count == 1
      ? "Natural Earth"
      : view.layers.count > 1 ? "Natural Earth, US Census Bureau" : "US Census Bureau"
    var attribution = "Basemap: \(basemapSource) (public domain)"
    if let extra = options.attribution { attribution = extra + " · " + attribution }
    let width = canvas.textWidth(attribution, sizePoints: 8.5 * ui)
    canvas.drawText(
      attribution, x: Double(size.width) - 10 * ui - width, y: baseline, sizePoints: 8.5 * ui,
      color: RGBAPixel(theme.secondaryText))
    try canvas.check()
    return canvas.image()
  }

  /// The moment a frame shows, in seconds.
  public func seconds(ofFrame index: Int) -> Double {
    Double(index) / Double(options.framesPerSecond)
  }

  /// Draws frame `index`: the basemap, each lit light's glow, and the label.
  public func frame(_ index: Int) throws -> RGBAImage {
    var image = basemap
    try draw(index, into: &image)
    return image
  }

  /// Draws frame `index` into `image` (of the map's size), reusing its storage.
  public func draw(_ index: Int, into image: inout RGBAImage) throws {
    precondition(image.width == basemap.width && image.height == basemap.height)
    image.bytes.withUnsafeMutableBytes { target in
      basemap.bytes.withUnsafeBytes { source in target.copyMemory(from: source) }
    }
    let t = seconds(ofFrame: index)
    let width = image.width
    let height = image.height
    image.bytes.withUnsafeMutableBufferPointer { pixels in
      for light in lights {
        let level = light.schedule.brightness(atSeconds: t)
        let b = Int32((level * 256).rounded())
        guard b > 0 else { continue }
        let c = light.color(atSeconds: t)
        let cr = Int32(c.red)
        let cg = Int32(c.green)
        let cb = Int32(c.blue)
        let ring = outlines[c] ?? c
        let rr = Int32(ring.red)
        let rg = Int32(ring.green)
        let rb = Int32(ring.blue)
        let sprite = sprites[light.spriteIndex]
        let hasRing = !sprite.ringWeights.isEmpty
        let r = sprite.radius
        let side = 2 * r + 1
        let y0 = max(0, light.y - r)
        let y1 = min(height - 1, light.y + r)
        let x0 = max(0, light.x - r)
        let x1 = min(width - 1, light.x + r)
        guard y0 <= y1, x0 <= x1 else { continue }
        sprite.weights.withUnsafeBufferPointer { weights in
          sprite.ringWeights.withUnsafeBufferPointer { rings in
            for y in y0...y1 {
              let row = (y - light.y + r) * side - light.x + r
              for x in x0...x1 {
                let p = (y * width + x) * 4
                if hasRing {
                  // The ring is a disc under the core: blend it first.
                  let kr = rings[row + x] * b >> 8
                  if kr >= 12 {
                    let pr = Int32(pixels[p])
                    let pg = Int32(pixels[p + 1])
                    let pb = Int32(pixels[p + 2])
                    pixels[p] = UInt8(truncatingIfNeeded: pr + ((rr - pr) * kr) >> 8)
                    pixels[p + 1] = UInt8(truncatingIfNeeded: pg + ((rg - pg) * kr) >> 8)
                    pixels[p + 2] = UInt8(truncatingIfNeeded: pb + ((rb - pb) * kr) >> 8)
                  }
                }
                let k = weights[row + x] * b >> 8
                if k < 12 { continue }  // under 5 %: invisible, and it would only churn the GIF
                let pr = Int32(pixels[p])
                let pg = Int32(pixels[p + 1])
                let pb = Int32(pixels[p + 2])
                pixels[p] = UInt8(truncatingIfNeeded: pr + ((cr - pr) * k) >> 8)
                pixels[p + 1] = UInt8(truncatingIfNeeded: pg + ((cg - pg) * k) >> 8)
                pixels[p + 2] = UInt8(truncatingIfNeeded: pb + ((cb - pb) * k) >> 8)
              }
            }
          }
        }
      }
    }
    if let labelRect { try drawLabel(index, into: &image, rect: labelRect) }
  }

  private func drawLabel(_ index: Int, into image: inout RGBAImage, rect: PixelRect) throws {
    let text: String
    switch options.label {
    case .clock:
      let t = seconds(ofFrame: index)
      text = "t = " + String(format1: t) + " s"
    case .frame: text = "frame \(index + 1)/\(options.frameCount)"
    case .none: return
    }
    let canvas = try Canvas(
      size: Size(width: rect.width, height: rect.height), fill: options.theme.background)
    let sizePoints = 11 * ui
    let width = canvas.textWidth(text, sizePoints: sizePoints)
    canvas.drawText(
      text, x: Double(rect.width) - width - 2 * ui, y: Double(rect.height) - 9 * ui,
      sizePoints: sizePoints,
      color: RGBAPixel(options.theme.secondaryText))
    let label = canvas.image()
    for y in 0..<rect.height {
      let source = y * rect.width * 4
      let target = ((rect.y + y) * image.width + rect.x) * 4
      image.bytes.replaceSubrange(
        target..<(target + rect.width * 4), with: label.bytes[source..<(source + rect.width * 4)])
    }
  }
}

extension String {
  /// One decimal, without Foundation's locale (`2.3`).
  init(format1 value: Double) {
    let tenths = Int((value * 10).rounded())
    self = "\(tenths / 10).\(tenths % 10)"
  }
}
