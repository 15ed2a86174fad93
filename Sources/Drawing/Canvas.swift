internal import CCairo
public import LumenCore

/// An antialiased drawing surface (cairo image surface + context) that renders to RGBA.
///
/// ```swift
/// var canvas = try Canvas(size: Size(width: 200, height: 100), fill: .black)
/// canvas.fillCircle(centerX: 50, centerY: 50, radius: 20, color: RGBAPixel(red: 255, green: 200, blue: 0))
/// canvas.drawText("Lumen", x: 90, y: 60, sizePoints: 18, color: RGBAPixel(.white))
/// let image = canvas.image()
/// ```
public struct Canvas: ~Copyable {
  let surface: OpaquePointer  // cairo_surface_t*
  let context: OpaquePointer  // cairo_t*, released before the surface
  /// Whether the surface is a PDF page (vector) rather than pixels.
  public let isDocument: Bool
  /// The canvas size in pixels.
  public let size: Size
  /// The pixels when they come from ``PixelPool`` (given back after the surface is destroyed);
  /// `nil` when cairo allocated them, and for a PDF page.
  private let pixels: PooledPixels?

  /// Creates a canvas filled with an opaque colour.
  ///
  /// - Throws: ``CairoError`` when cairo is missing or cannot allocate the surface.
  public init(size: Size, fill: RGBColor) throws(CairoError) {
    try CairoLibrary.load()
    // A canvas of a chart's size draws on pooled memory; others (and any size cairo refuses)
    // on memory cairo allocates.
    let stride = Int(
      cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(clamping: size.width)))
    let (bytes, overflow) = stride.multipliedReportingOverflow(by: max(size.height, 0))
    // Given back to the pool when `pooled` ends, should cairo refuse it below.
    var pooled: PooledPixels? = nil
    var memory: UnsafeMutableRawPointer? = nil
    if stride > 0, !overflow, let taken = PooledPixels(bytes: bytes) {
      memory = taken.memory
      pooled = consume taken
    }
    let function =
      memory == nil ? "cairo_image_surface_create" : "cairo_image_surface_create_for_data"
    let made =
      if let memory {
        // The memory's contents are undefined until the fill below paints every pixel.
        cairo_image_surface_create_for_data(
          memory.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
          Int32(size.width), Int32(size.height), Int32(stride))
      } else {
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size.width), Int32(size.height))
      }
    guard let surface = made else {
      throw CairoError(status: 1, function: function, message: "no memory")
    }
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
      cairo_surface_destroy(surface)
      throw Self.error(status, function)
    }
    self.surface = surface
    self.context = context
    self.size = size
    self.isDocument = false
    self.pixels = pooled
    setColor(RGBAPixel(fill))
    cairo_paint(context)
  }

  /// Creates a one-page PDF document at `path`, `size` in points (1/72 inch), filled with an
  /// opaque colour; call ``finish()`` to write it.
  ///
  /// - Throws: ``CairoError`` when cairo is missing or the file cannot be created.
  public init(pdfPath path: String, size: Size, fill: RGBColor, title: String?) throws(CairoError) {
    try CairoLibrary.load()
    guard
      let surface = cairo_pdf_surface_create(path, Double(size.width), Double(size.height))
    else {
      throw CairoError(status: 1, function: "cairo_pdf_surface_create", message: "no memory")
    }
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
      cairo_surface_destroy(surface)
      throw Self.error(status, "cairo_pdf_surface_create")
    }
    if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Lumen")
    self.surface = surface
    self.context = context
    self.size = size
    self.isDocument = true
    self.pixels = nil
    setColor(RGBAPixel(fill))
    cairo_paint(context)
  }

  /// Ends a PDF document's page and writes the file.
  ///
  /// - Throws: ``CairoError`` when drawing or writing failed.
  public func finish() throws(CairoError) {
    cairo_show_page(context)
    try check()
    cairo_surface_finish(surface)
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else { throw Self.error(status, "cairo_surface_finish") }
  }

  /// Creates a fully transparent canvas (for sprites and overlays).
  ///
  /// - Throws: ``CairoError`` when cairo cannot allocate the surface.
  public init(transparentSize size: Size) throws(CairoError) {
    try self.init(size: size, fill: .black)
    cairo_set_operator(context, CAIRO_OPERATOR_CLEAR)
    cairo_paint(context)
    cairo_set_operator(context, CAIRO_OPERATOR_OVER)
  }

  /// Fills rings (outer boundaries and holes) with the even-odd rule, antialiased.
  public func fill(rings: [[Point]], color: RGBAPixel) {
    setColor(color)
    addRings(rings)
    cairo_set_fill_rule(context, CAIRO_FILL_RULE_EVEN_ODD)
    cairo_fill(context)
  }

  /// Strokes closed rings with a line `widthPixels` wide, antialiased, round joins.
  public func stroke(rings: [[Point]], color: RGBAPixel, widthPixels: Double) {
    setColor(color)
    addRings(rings)
    cairo_set_line_width(context, widthPixels)
    cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
    cairo_stroke(context)
  }

  private func addRings(_ rings: [[Point]]) {
    cairo_new_path(context)
    for ring in rings {
      guard let first = ring.first else { continue }
      cairo_move_to(context, first.x, first.y)
      for p in ring.dropFirst() { cairo_line_to(context, p.x, p.y) }
      cairo_close_path(context)
    }
  }

  /// Fills an axis-aligned rectangle with rounded corners.
  public func fillRoundedRectangle(
    x: Double, y: Double, width: Double, height: Double, radius: Double, color: RGBAPixel
  ) {
    setColor(color)
    cairo_new_path(context)
    cairo_arc(context, x + width - radius, y + radius, radius, -Double.pi / 2, 0)
    cairo_arc(context, x + width - radius, y + height - radius, radius, 0, Double.pi / 2)
    cairo_arc(context, x + radius, y + height - radius, radius, Double.pi / 2, Double.pi)
    cairo_arc(context, x + radius, y + radius, radius, Double.pi, 3 * Double.pi / 2)
    cairo_close_path(context)
    cairo_fill(context)
  }

  /// Fills an axis-aligned rectangle.
  public func fillRectangle(_ rect: PixelRect, color: RGBAPixel) {
    setColor(color)
    cairo_rectangle(
      context, Double(rect.x), Double(rect.y), Double(rect.width), Double(rect.height))
    cairo_fill(context)
  }

  /// Fills an antialiased disc.
  public func fillCircle(centerX: Double, centerY: Double, radius: Double, color: RGBAPixel) {
    setColor(color)
    cairo_new_path(context)
    cairo_arc(context, centerX, centerY, radius, 0, 2 * Double.pi)
    cairo_fill(context)
  }

  /// Draws one line of text in DejaVu Sans with its baseline at `y`.
  public func drawText(
    _ text: String, x: Double, y: Double, sizePoints: Double, color: RGBAPixel, bold: Bool = false
  ) {
    setColor(color)
    cairo_select_font_face(
      context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
      bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(context, sizePoints)
    cairo_move_to(context, x, y)
    cairo_show_text(context, text)
  }

  /// Draws one line of text turned a quarter left, reading bottom to top, in DejaVu Sans.
  ///
  /// - Parameters:
  ///   - x: The baseline's x: the glyphs reach left of it by the font's ascent and right by
  ///     its descent (``fontExtents(sizePoints:bold:)``).
  ///   - y: Where the text starts; it runs up from there by its ``textWidth(_:sizePoints:bold:)``.
  public func drawVerticalText(
    _ text: String, x: Double, y: Double, sizePoints: Double, color: RGBAPixel, bold: Bool = false
  ) {
    setColor(color)
    selectFont(sizePoints: sizePoints, bold: bold)
    cairo_save(context)
    cairo_translate(context, x, y)
    cairo_rotate(context, -Double.pi / 2)
    cairo_move_to(context, 0, 0)
    cairo_show_text(context, text)
    cairo_restore(context)
  }

  /// Strokes a straight line `widthPixels` wide, antialiased, with round caps.
  public func strokeLine(from start: Point, to end: Point, color: RGBAPixel, widthPixels: Double) {
    setColor(color)
    cairo_new_path(context)
    cairo_move_to(context, start.x, start.y)
    cairo_line_to(context, end.x, end.y)
    cairo_set_line_width(context, widthPixels)
    cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
    cairo_stroke(context)
  }

  /// How far the font reaches above the baseline (`ascent`) and below it (`descent`), in
  /// pixels at `sizePoints`: a line of text is `ascent + descent` tall.
  public func fontExtents(sizePoints: Double, bold: Bool = false)
    -> (ascent: Double, descent: Double)
  {
    selectFont(sizePoints: sizePoints, bold: bold)
    var extents = cairo_font_extents_t()
    cairo_font_extents(context, &extents)
    return (extents.ascent, extents.descent)
  }

  private func selectFont(sizePoints: Double, bold: Bool) {
    cairo_select_font_face(
      context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
      bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(context, sizePoints)
  }

  /// The width in pixels `text` takes at `sizePoints`.
  public func textWidth(_ text: String, sizePoints: Double, bold: Bool = false) -> Double {
    cairo_select_font_face(
      context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
      bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(context, sizePoints)
    var extents = cairo_text_extents_t()
    cairo_text_extents(context, text, &extents)
    return extents.x_advance
  }

  /// Checks the context for a drawing error.
  public func check() throws(CairoError) {
    let status = cairo_status(context)
    guard status == CAIRO_STATUS_SUCCESS else { throw Self.error(status, "cairo_status") }
  }

  /// Lends the pixels as cairo holds them (premultiplied B, G, R, A words, little-endian), with
  /// the row stride in bytes, for a writer that takes them as they are.
  public func withPixels<Result>(
    _ body: (_ pixels: UnsafeRawBufferPointer, _ stride: Int) throws -> Result
  ) rethrows -> Result {
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard let data = cairo_image_surface_get_data(surface) else {
      return try body(UnsafeRawBufferPointer(start: nil, count: 0), stride)
    }
    return try body(UnsafeRawBufferPointer(start: data, count: stride * size.height), stride)
  }

  /// The canvas as straight-alpha RGBA (cairo stores premultiplied B, G, R, A on little-endian).
  public func image() -> RGBAImage {
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    var bytes = [UInt8](repeating: 0, count: size.width * size.height * 4)
    // Only a surface in an error state has no data, and `init` refuses those: a transparent
    // picture rather than a trap, should it ever happen.
    guard let data = cairo_image_surface_get_data(surface) else {
      return RGBAImage(width: size.width, height: size.height, bytes: bytes)
    }
    for y in 0..<size.height {
      let row = data + y * stride
      for x in 0..<size.width {
        let b = row[x * 4]
        let g = row[x * 4 + 1]
        let r = row[x * 4 + 2]
        let a = row[x * 4 + 3]
        let i = (y * size.width + x) * 4
        if a == 255 || a == 0 {
          bytes[i] = r
          bytes[i + 1] = g
          bytes[i + 2] = b
        } else {
          bytes[i] = UInt8((Int(r) * 255 + Int(a) / 2) / Int(a))
          bytes[i + 1] = UInt8((Int(g) * 255 + Int(a) / 2) / Int(a))
          bytes[i + 2] = UInt8((Int(b) * 255 + Int(a) / 2) / Int(a))
        }
        bytes[i + 3] = a
      }
    }
    return RGBAImage(width: size.width, height: size.height, bytes: bytes)
  }

  func setColor(_ color: RGBAPixel) {
    cairo_set_source_rgba(
      context, Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255,
      Double(color.alpha) / 255)
  }

  static func error(_ status: cairo_status_t, _ function: String) -> CairoError {
    CairoError(
      status: status.rawValue, function: function,
      message: String(cString: cairo_status_to_string(status)))
  }

  deinit {
    cairo_destroy(context)
    cairo_surface_destroy(surface)
    // `pixels`, if pooled, goes back to the pool after this: no surface draws on it then.
  }
}
