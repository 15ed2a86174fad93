#include "ccairo_loader.h"

#include "cdeferred_loading.h"

/* Hidden, so the trampolines below never interpose on cairo's own calls: the executable exports
   its symbols (-export-dynamic), and libcairo would otherwise bind to them. */
#pragma GCC visibility push(hidden)
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>

static const char *const soname = "libcairo.so.2";

/* Every cairo function Lumen calls. */
#define CCAIRO_FUNCTIONS(X)                                                                         \
  X(cairo_arc)                                                                                     \
  X(cairo_close_path)                                                                              \
  X(cairo_create)                                                                                  \
  X(cairo_destroy)                                                                                 \
  X(cairo_fill)                                                                                    \
  X(cairo_font_extents)                                                                            \
  X(cairo_format_stride_for_width)                                                                 \
  X(cairo_image_surface_create)                                                                    \
  X(cairo_image_surface_create_for_data)                                                           \
  X(cairo_image_surface_get_data)                                                                  \
  X(cairo_image_surface_get_stride)                                                                \
  X(cairo_line_to)                                                                                 \
  X(cairo_move_to)                                                                                 \
  X(cairo_new_path)                                                                                \
  X(cairo_paint)                                                                                   \
  X(cairo_pdf_surface_create)                                                                      \
  X(cairo_pdf_surface_set_metadata)                                                                \
  X(cairo_rectangle)                                                                               \
  X(cairo_restore)                                                                                 \
  X(cairo_rotate)                                                                                  \
  X(cairo_save)                                                                                    \
  X(cairo_select_font_face)                                                                        \
  X(cairo_set_dash)                                                                                \
  X(cairo_set_fill_rule)                                                                           \
  X(cairo_set_font_size)                                                                           \
  X(cairo_set_line_cap)                                                                            \
  X(cairo_set_line_join)                                                                           \
  X(cairo_set_line_width)                                                                          \
  X(cairo_set_operator)                                                                            \
  X(cairo_set_source_rgba)                                                                         \
  X(cairo_show_page)                                                                               \
  X(cairo_show_text)                                                                               \
  X(cairo_status)                                                                                  \
  X(cairo_status_to_string)                                                                        \
  X(cairo_stroke)                                                                                  \
  X(cairo_surface_destroy)                                                                         \
  X(cairo_surface_finish)                                                                          \
  X(cairo_surface_flush)                                                                           \
  X(cairo_surface_mark_dirty)                                                                      \
  X(cairo_surface_status)                                                                          \
  X(cairo_text_extents)                                                                            \
  X(cairo_translate)

/* The resolved functions, typed from the header's own declarations. */
static struct {
#define CCAIRO_MEMBER(name) __typeof__(name) *name;
  CCAIRO_FUNCTIONS(CCAIRO_MEMBER)
#undef CCAIRO_MEMBER
} resolved;

static const cdeferred_symbol symbols[] = {
#define CCAIRO_SYMBOL(name) {0, #name, (void **)&resolved.name},
  CCAIRO_FUNCTIONS(CCAIRO_SYMBOL)
#undef CCAIRO_SYMBOL
};

static cdeferred_loader loader = {
  .what = "cairo",
  .sonames = &soname,
  .library_count = 1,
  .symbols = symbols,
  .symbol_count = sizeof symbols / sizeof symbols[0],
  .once = PTHREAD_ONCE_INIT,
  .status = -1,
  .message = "cairo was not loaded",
};

static void open_once(void) { cdeferred_open(&loader); }

int ccairo_load(char *message, size_t message_size) {
  return cdeferred_load(&loader, open_once, message, message_size);
}

/* The Swift side loads through `CairoLibrary.load()` and reports a typed error before it calls
   anything; this is the backstop for a call that skipped it. */
#define CALL(name) (cdeferred_require(&loader, open_once), resolved.name)

void cairo_arc(cairo_t *cr, double xc, double yc, double radius, double angle1, double angle2) {
  CALL(cairo_arc)(cr, xc, yc, radius, angle1, angle2);
}
void cairo_close_path(cairo_t *cr) { CALL(cairo_close_path)(cr); }
cairo_t *cairo_create(cairo_surface_t *target) { return CALL(cairo_create)(target); }
void cairo_destroy(cairo_t *cr) { CALL(cairo_destroy)(cr); }
void cairo_fill(cairo_t *cr) { CALL(cairo_fill)(cr); }
void cairo_font_extents(cairo_t *cr, cairo_font_extents_t *extents) {
  CALL(cairo_font_extents)(cr, extents);
}
cairo_surface_t *cairo_image_surface_create(cairo_format_t format, int width, int height) {
  return CALL(cairo_image_surface_create)(format, width, height);
}
cairo_surface_t *cairo_image_surface_create_for_data(unsigned char *data, cairo_format_t format,
                                                     int width, int height, int stride) {
  return CALL(cairo_image_surface_create_for_data)(data, format, width, height, stride);
}
int cairo_format_stride_for_width(cairo_format_t format, int width) {
  return CALL(cairo_format_stride_for_width)(format, width);
}
unsigned char *cairo_image_surface_get_data(cairo_surface_t *surface) {
  return CALL(cairo_image_surface_get_data)(surface);
}
int cairo_image_surface_get_stride(cairo_surface_t *surface) {
  return CALL(cairo_image_surface_get_stride)(surface);
}
void cairo_line_to(cairo_t *cr, double x, double y) { CALL(cairo_line_to)(cr, x, y); }
void cairo_move_to(cairo_t *cr, double x, double y) { CALL(cairo_move_to)(cr, x, y); }
void cairo_new_path(cairo_t *cr) { CALL(cairo_new_path)(cr); }
void cairo_paint(cairo_t *cr) { CALL(cairo_paint)(cr); }
cairo_surface_t *cairo_pdf_surface_create(const char *filename, double width_in_points,
                                          double height_in_points) {
  return CALL(cairo_pdf_surface_create)(filename, width_in_points, height_in_points);
}
void cairo_pdf_surface_set_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t metadata,
                                    const char *utf8) {
  CALL(cairo_pdf_surface_set_metadata)(surface, metadata, utf8);
}
void cairo_rectangle(cairo_t *cr, double x, double y, double width, double height) {
  CALL(cairo_rectangle)(cr, x, y, width, height);
}
void cairo_restore(cairo_t *cr) { CALL(cairo_restore)(cr); }
void cairo_rotate(cairo_t *cr, double angle) { CALL(cairo_rotate)(cr, angle); }
void cairo_save(cairo_t *cr) { CALL(cairo_save)(cr); }
void cairo_select_font_face(cairo_t *cr, const char *family, cairo_font_slant_t slant,
                            cairo_font_weight_t weight) {
  CALL(cairo_select_font_face)(cr, family, slant, weight);
}
void cairo_set_dash(cairo_t *cr, const double *dashes, int num_dashes, double offset) {
  CALL(cairo_set_dash)(cr, dashes, num_dashes, offset);
}
void cairo_set_fill_rule(cairo_t *cr, cairo_fill_rule_t fill_rule) {
  CALL(cairo_set_fill_rule)(cr, fill_rule);
}
void cairo_set_font_size(cairo_t *cr, double size) { CALL(cairo_set_font_size)(cr, size); }
void cairo_set_line_cap(cairo_t *cr, cairo_line_cap_t line_cap) {
  CALL(cairo_set_line_cap)(cr, line_cap);
}
void cairo_set_line_join(cairo_t *cr, cairo_line_join_t line_join) {
  CALL(cairo_set_line_join)(cr, line_join);
}
void cairo_set_line_width(cairo_t *cr, double width) { CALL(cairo_set_line_width)(cr, width); }
void cairo_set_operator(cairo_t *cr, cairo_operator_t op) { CALL(cairo_set_operator)(cr, op); }
void cairo_set_source_rgba(cairo_t *cr, double red, double green, double blue, double alpha) {
  CALL(cairo_set_source_rgba)(cr, red, green, blue, alpha);
}
void cairo_show_page(cairo_t *cr) { CALL(cairo_show_page)(cr); }
void cairo_show_text(cairo_t *cr, const char *utf8) { CALL(cairo_show_text)(cr, utf8); }
cairo_status_t cairo_status(cairo_t *cr) { return CALL(cairo_status)(cr); }
const char *cairo_status_to_string(cairo_status_t status) {
  return CALL(cairo_status_to_string)(status);
}
void cairo_stroke(cairo_t *cr) { CALL(cairo_stroke)(cr); }
void cairo_surface_destroy(cairo_surface_t *surface) { CALL(cairo_surface_destroy)(surface); }
void cairo_surface_finish(cairo_surface_t *surface) { CALL(cairo_surface_finish)(surface); }
void cairo_surface_flush(cairo_surface_t *surface) { CALL(cairo_surface_flush)(surface); }
void cairo_surface_mark_dirty(cairo_surface_t *surface) { CALL(cairo_surface_mark_dirty)(surface); }
cairo_status_t cairo_surface_status(cairo_surface_t *surface) {
  return CALL(cairo_surface_status)(surface);
}
void cairo_text_extents(cairo_t *cr, const char *utf8, cairo_text_extents_t *extents) {
  CALL(cairo_text_extents)(cr, utf8, extents);
}
void cairo_translate(cairo_t *cr, double tx, double ty) { CALL(cairo_translate)(cr, tx, ty); }

#pragma GCC visibility pop
