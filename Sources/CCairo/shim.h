#ifndef CCAIRO_SHIM_H
#define CCAIRO_SHIM_H
/* Declarations only: Lumen does not link cairo; CCairoLoader defines these functions as
   trampolines into libcairo.so.2, opened on first use. */
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#endif
