internal import Drawing
internal import Foundation
internal import LumenCore
internal import PNGCodec

/// Writes a scene as PNG (cairo, `scale` pixels per point), PDF (fonts embedded) or SVG: the
/// backends the chart and heatmap operations share.
package enum SceneFile {
  /// Writes `scene` to `path` in `format` (HTML pages are each operation's own).
  package static func write(
    _ scene: ChartScene, format: ChartOutputFormat, to path: String, scale: Double
  ) throws {
    switch format {
    case .svg, .html:
      try FileContents.write(SVGWriter.svg(scene), to: path)
    case .png:
      let canvas = try draw(scene, scale: scale)
      // The background is opaque, so cairo's premultiplied pixels are the colours.
      try canvas.withPixels { bytes, stride in
        try PNGFile.writeOpaque(
          bgrx: bytes, width: canvas.size.width, height: canvas.size.height, stride: stride,
          to: path)
      }
    case .pdf:
      let canvas = try Canvas(
        pdfPath: path,
        size: Size(width: Int(scene.width.rounded()), height: Int(scene.height.rounded())),
        fill: scene.background, title: scene.title)
      try canvas.loadText()
      CairoSceneRenderer.draw(scene, on: canvas, scale: 1)
      try canvas.finish()
    }
  }

  /// The scene drawn on a canvas of its size times `scale`.
  static func draw(_ scene: ChartScene, scale: Double) throws -> Canvas {
    let canvas = try Canvas(
      size: Size(
        width: Int((scene.width * scale).rounded()), height: Int((scene.height * scale).rounded())),
      fill: scene.background)
    try canvas.loadText()
    CairoSceneRenderer.draw(scene, on: canvas, scale: scale)
    try canvas.check()
    return canvas
  }

  /// The scene as PNG bytes (a tool's inline preview).
  package static func png(_ scene: ChartScene, scale: Double = 1) throws -> [UInt8] {
    try PNGFile.encode(draw(scene, scale: scale).image())
  }
}
