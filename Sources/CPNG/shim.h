#ifndef CPNG_SHIM_H
#define CPNG_SHIM_H
#include <png.h>

/* Composite / function-like macros that the Swift importer drops. */
static const png_uint_32 CPNG_FORMAT_RGBA = PNG_FORMAT_RGBA;
static inline size_t cpng_image_size(const png_image *image) {
  return PNG_IMAGE_SIZE(*image);
}
#endif
