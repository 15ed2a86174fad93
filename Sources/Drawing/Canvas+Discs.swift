internal import CCairo
public import LumenCore

extension Canvas {
  /// Fills many discs of one radius and colour, as matplotlib draws a scatter's markers: cairo
  /// draws the disc once for each quarter-pixel offset it is needed at, and each marker is that
  /// copy composited over the pixels (premultiplied OVER, pixman's rounding) at its position to
  /// the nearest quarter pixel. 3,000 markers take about a tenth of the time of 3,000 paths.
  ///
  /// On a PDF page, and for a radius above 64 pixels, each disc is a path, as
  /// ``fillCircle(centerX:centerY:radius:color:)`` draws it.
  public func fillDiscs(centers: [Point], radius: Double, color: RGBAPixel) {
    guard !isDocument, radius > 0, radius <= 64, color.alpha > 0, centers.count > 1 else {
      return fillCirclePaths(centers, radius: radius, color: color)
    }
    let origin = Int(radius.rounded(.up)) + 1
    let side = 2 * origin + 1
    var stamps = [[UInt32]?](repeating: nil, count: 16)
    cairo_surface_flush(surface)
    guard let data = cairo_image_surface_get_data(surface) else {
      return fillCirclePaths(centers, radius: radius, color: color)
    }
    let pixels = UnsafeMutableRawPointer(data)
    let stride = Int(cairo_image_surface_get_stride(surface))
    let (width, height) = (size.width, size.height)
    for center in centers {
      let qx = (center.x * 4).rounded()
      let qy = (center.y * 4).rounded()
      guard abs(qx) < 1e9, abs(qy) < 1e9 else { continue }  // NaN fails too
      let (x4, y4) = (Int(qx), Int(qy))
      let phase = (y4 & 3) * 4 + (x4 & 3)
      if stamps[phase] == nil {
        let offset = Point(x: Double(x4 & 3) / 4, y: Double(y4 & 3) / 4)
        stamps[phase] = Self.disc(side: side, origin: origin, offset: offset, radius, color)
      }
      guard let stamp = stamps[phase], !stamp.isEmpty else {
        // No stamp (cairo could not make its small picture): this disc as a path.
        cairo_surface_mark_dirty(surface)
        fillCircle(centerX: center.x, centerY: center.y, radius: radius, color: color)
        cairo_surface_flush(surface)
        continue
      }
      // The stamp's pixel (u, v) lands on the canvas' (left + u, top + v).
      let left = (x4 >> 2) - origin
      let top = (y4 >> 2) - origin
      let uRange = max(0, -left)..<min(side, width - left)
      let vRange = max(0, -top)..<min(side, height - top)
      guard !uRange.isEmpty, !vRange.isEmpty else { continue }
      stamp.withUnsafeBufferPointer { stamp in
        for v in vRange {
          let row = pixels + (top + v) * stride + left * 4
          for u in uRange {
            let source = stamp[v * side + u]
            let alpha = source >> 24
            if alpha == 0 { continue }
            let at = u * 4
            if alpha == 255 {
              row.storeBytes(of: source, toByteOffset: at, as: UInt32.self)
              continue
            }
            let target = row.load(fromByteOffset: at, as: UInt32.self)
            let keep = 255 - alpha
            var rb = (target & 0x00FF_00FF) &* keep &+ 0x0080_0080
            rb = ((rb &+ ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
            var ag = ((target >> 8) & 0x00FF_00FF) &* keep &+ 0x0080_0080
            ag = (ag &+ ((ag >> 8) & 0x00FF_00FF)) & 0xFF00_FF00
            row.storeBytes(of: source &+ (rb | ag), toByteOffset: at, as: UInt32.self)
          }
        }
      }
    }
    cairo_surface_mark_dirty(surface)
  }

  private func fillCirclePaths(_ centers: [Point], radius: Double, color: RGBAPixel) {
    for c in centers { fillCircle(centerX: c.x, centerY: c.y, radius: radius, color: color) }
  }

  /// One disc on a transparent `side`² picture, centred at `origin + offset`, as premultiplied
  /// B, G, R, A words (empty when cairo cannot make the picture).
  private static func disc(
    side: Int, origin: Int, offset: Point, _ radius: Double, _ color: RGBAPixel
  ) -> [UInt32] {
    guard let stamp = try? Canvas(transparentSize: Size(width: side, height: side)) else {
      return []
    }
    stamp.fillCircle(
      centerX: Double(origin) + offset.x, centerY: Double(origin) + offset.y, radius: radius,
      color: color)
    return stamp.withPixels { bytes, stride in
      var words = [UInt32](repeating: 0, count: side * side)
      guard bytes.count >= stride * side else { return words }
      for v in 0..<side {
        for u in 0..<side {
          words[v * side + u] = bytes.load(fromByteOffset: v * stride + u * 4, as: UInt32.self)
        }
      }
      return words
    }
  }
}
