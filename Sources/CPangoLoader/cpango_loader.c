#include "cpango_loader.h"

#include "cdeferred_loading.h"

#pragma GCC visibility push(hidden)

static const char *const sonames[] = {"libpangocairo-1.0.so.0", "libpango-1.0.so.0",
                                      "libgobject-2.0.so.0"};

#define CPANGO_FUNCTIONS(X)                                                                        \
  X(0, pango_cairo_create_layout)                                                                  \
  X(0, pango_cairo_update_layout)                                                                  \
  X(0, pango_cairo_show_layout)                                                                    \
  X(1, pango_layout_set_text)                                                                      \
  X(1, pango_layout_set_font_description)                                                          \
  X(1, pango_layout_get_extents)                                                                   \
  X(1, pango_layout_get_baseline)                                                                  \
  X(1, pango_font_description_from_string)                                                         \
  X(1, pango_font_description_set_absolute_size)                                                   \
  X(1, pango_font_description_free)                                                                \
  X(2, g_object_unref)

static struct {
#define CPANGO_MEMBER(library, name) __typeof__(name) *name;
  CPANGO_FUNCTIONS(CPANGO_MEMBER)
#undef CPANGO_MEMBER
} resolved;

static const cdeferred_symbol symbols[] = {
#define CPANGO_SYMBOL(library, name) {library, #name, (void **)&resolved.name},
    CPANGO_FUNCTIONS(CPANGO_SYMBOL)
#undef CPANGO_SYMBOL
};

static cdeferred_loader loader = {
    .what = "Pango",
    .sonames = sonames,
    .library_count = 3,
    .symbols = symbols,
    .symbol_count = sizeof symbols / sizeof symbols[0],
    .once = PTHREAD_ONCE_INIT,
    .status = -1,
    .message = "Pango was not loaded",
};

static void open_once(void) { cdeferred_open(&loader); }

int cpango_load(char *message, size_t message_size) {
  return cdeferred_load(&loader, open_once, message, message_size);
}

#define CALL(name) (cdeferred_require(&loader, open_once), resolved.name)

PangoLayout *pango_cairo_create_layout(struct _cairo *cr) {
  return CALL(pango_cairo_create_layout)(cr);
}
void pango_cairo_update_layout(struct _cairo *cr, PangoLayout *layout) {
  CALL(pango_cairo_update_layout)(cr, layout);
}
void pango_cairo_show_layout(struct _cairo *cr, PangoLayout *layout) {
  CALL(pango_cairo_show_layout)(cr, layout);
}
void pango_layout_set_text(PangoLayout *layout, const char *text, int length) {
  CALL(pango_layout_set_text)(layout, text, length);
}
void pango_layout_set_font_description(PangoLayout *layout, const PangoFontDescription *desc) {
  CALL(pango_layout_set_font_description)(layout, desc);
}
void pango_layout_get_extents(PangoLayout *layout, PangoRectangle *ink_rect,
                              PangoRectangle *logical_rect) {
  CALL(pango_layout_get_extents)(layout, ink_rect, logical_rect);
}
int pango_layout_get_baseline(PangoLayout *layout) {
  return CALL(pango_layout_get_baseline)(layout);
}
PangoFontDescription *pango_font_description_from_string(const char *str) {
  return CALL(pango_font_description_from_string)(str);
}
void pango_font_description_set_absolute_size(PangoFontDescription *desc, double size) {
  CALL(pango_font_description_set_absolute_size)(desc, size);
}
void pango_font_description_free(PangoFontDescription *desc) {
  CALL(pango_font_description_free)(desc);
}
void g_object_unref(void *object) { CALL(g_object_unref)(object); }

#pragma GCC visibility pop
