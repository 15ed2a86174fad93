internal import CCairo
internal import CPangoLoader
public import LumenCore

extension Canvas {
  /// Loads Pango for ``measure(_:sizePixels:bold:)`` and ``drawText(_:at:sizePixels:bold:color:anchor:baselineShift:rotationDegrees:)``.
  ///
  /// - Throws: ``CairoError`` when Pango is not installed.
  public func loadText() throws(CairoError) { try PangoLibrary.load() }

  /// The room `text` takes (Pango, with font fallback for any script), measured once per
  /// text, size and weight in a process. Call ``loadText()`` once first.
  public func measure(_ text: String, sizePixels: Double, bold: Bool = false) -> TextMetrics {
    let key = MeasuredText.Key(
      text: text, sizePixels: sizePixels, bold: bold, document: isDocument)
    let context = self.context
    return MeasuredText.metrics(key) {
      TextLayout(context: context, text: text, sizePixels: sizePixels, bold: bold).metrics
    }
  }

  /// Draws one line of text with its baseline through `point`, placed by `anchor` (0 the
  /// text starts at the point, 0.5 is centred on it, 1 ends at it), and turned by
  /// `rotationDegrees` about the point (negative turns it counter-clockwise). Call
  /// ``loadText()`` once first.
  public func drawText(
    _ text: String, at point: Point, sizePixels: Double, bold: Bool = false, color: RGBAPixel,
    anchor: Double = 0, rotationDegrees: Double = 0
  ) {
    let layout = TextLayout(context: context, text: text, sizePixels: sizePixels, bold: bold)
    let metrics = layout.metrics
    setColor(color)
    cairo_save(context)
    cairo_translate(context, point.x, point.y)
    if rotationDegrees != 0 { cairo_rotate(context, rotationDegrees * Double.pi / 180) }
    cairo_move_to(context, -metrics.width * anchor, -metrics.baseline)
    pango_cairo_update_layout(context, layout.layout)
    pango_cairo_show_layout(context, layout.layout)
    cairo_restore(context)
  }
}
