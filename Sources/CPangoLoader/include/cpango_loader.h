#ifndef CPANGO_LOADER_H
#define CPANGO_LOADER_H
#include <stddef.h>

/* Pango through its cairo binding, for text in any script (fontconfig picks a CJK font for
   Chinese, Japanese and Korean when DejaVu has no glyph). Like cairo, it is not linked but
   opened on first use: libpangocairo, libpango and libgobject (for g_object_unref).

   The few functions Lumen calls are declared here with opaque types, so Swift needs no glib
   include paths; their signatures are Pango 1.x's stable API. */

typedef struct _PangoLayout PangoLayout;
typedef struct _PangoFontDescription PangoFontDescription;
struct _cairo;

/* Pango's rectangle, in Pango units (1/1024 of a pixel). */
typedef struct {
  int x;
  int y;
  int width;
  int height;
} PangoRectangle;

PangoLayout *pango_cairo_create_layout(struct _cairo *cr);
void pango_cairo_update_layout(struct _cairo *cr, PangoLayout *layout);
void pango_cairo_show_layout(struct _cairo *cr, PangoLayout *layout);
void pango_layout_set_text(PangoLayout *layout, const char *text, int length);
void pango_layout_set_font_description(PangoLayout *layout, const PangoFontDescription *desc);
void pango_layout_get_extents(PangoLayout *layout, PangoRectangle *ink_rect,
                              PangoRectangle *logical_rect);
int pango_layout_get_baseline(PangoLayout *layout);
PangoFontDescription *pango_font_description_from_string(const char *str);
void pango_font_description_set_absolute_size(PangoFontDescription *desc, double size);
void pango_font_description_free(PangoFontDescription *desc);
void g_object_unref(void *object);

/* Opens the libraries and resolves every function, once (thread-safe). Returns 0 on success;
   otherwise non-zero with the reason written into message (when not NULL). */
int cpango_load(char *message, size_t message_size);

#endif
