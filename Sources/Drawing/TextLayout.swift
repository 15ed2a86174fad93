internal import CPangoLoader

/// One Pango layout (a line of text in a font) on a cairo context; freed in `deinit`.
struct TextLayout: ~Copyable {
  let layout: OpaquePointer  // PangoLayout*

  /// A layout of `text` in DejaVu Sans (fontconfig falls back per glyph to a font that has it,
  /// a CJK font for Chinese, Japanese, Korean) at `sizePixels`.
  init(context: OpaquePointer, text: String, sizePixels: Double, bold: Bool) {
    layout = pango_cairo_create_layout(context)
    let description = pango_font_description_from_string(bold ? "DejaVu Sans Bold" : "DejaVu Sans")
    pango_font_description_set_absolute_size(description, sizePixels * 1024)
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    pango_layout_set_text(layout, text, -1)
  }

  /// The logical size and baseline (from the top) in pixels.
  var metrics: TextMetrics {
    var ink = PangoRectangle()
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, &ink, &logical)
    return TextMetrics(
      width: Double(logical.width) / 1024, height: Double(logical.height) / 1024,
      baseline: Double(pango_layout_get_baseline(layout)) / 1024)
  }

  deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }
}
