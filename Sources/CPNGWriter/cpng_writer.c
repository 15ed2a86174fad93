#include "cpng_writer.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char message[256];
} cpng_writer_state;

static void cpng_writer_error(png_structp png, png_const_charp text) {
  cpng_writer_state *state = png_get_error_ptr(png);
  snprintf(state->message, sizeof state->message, "%s", text);
  longjmp(png_jmpbuf(png), 1);
}

static void cpng_writer_warning(png_structp png, png_const_charp text) {
  (void)png;
  (void)text;
}

static void copy_message(const char *text, char *message, size_t message_size) {
  if (message && message_size > 0) snprintf(message, message_size, "%s", text);
}

int cpng_write_bgrx(const char *path, uint32_t width, uint32_t height, const uint8_t *pixels,
                    size_t stride, int level, char *message, size_t message_size) {
  FILE *file = fopen(path, "wb");
  if (!file) {
    copy_message(strerror(errno), message, message_size);
    return CPNG_WRITER_OPEN_FAILED;
  }
  /* Volatile: read after a longjmp back into this frame. */
  cpng_writer_state state = {{0}};
  png_structp volatile png =
      png_create_write_struct(PNG_LIBPNG_VER_STRING, &state, cpng_writer_error, cpng_writer_warning);
  png_infop volatile info = png ? png_create_info_struct(png) : NULL;
  uint8_t *volatile row = malloc((size_t)width * 3);
  if (!png || !info || !row) {
    png_structp p = png;
    png_infop i = info;
    png_destroy_write_struct(&p, &i);
    free(row);
    fclose(file);
    copy_message("out of memory", message, message_size);
    return CPNG_WRITER_NO_MEMORY;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_structp p = png;
    png_infop i = info;
    png_destroy_write_struct(&p, &i);
    free(row);
    fclose(file);
    copy_message(state.message, message, message_size);
    return CPNG_WRITER_LIBPNG_ERROR;
  }
  png_init_io(png, file);
  png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, level);
  png_set_compression_mem_level(png, 6);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info(png, info);
  for (uint32_t y = 0; y < height; y++) {
    const uint8_t *in = pixels + (size_t)y * stride;
    uint8_t *out = row;
    for (uint32_t x = 0; x < width; x++, in += 4, out += 3) {
      out[0] = in[2];
      out[1] = in[1];
      out[2] = in[0];
    }
    png_write_row(png, row);
  }
  png_write_end(png, info);
  png_structp p = png;
  png_infop i = info;
  png_destroy_write_struct(&p, &i);
  free(row);
  if (fclose(file) != 0) {
    copy_message(strerror(errno), message, message_size);
    return CPNG_WRITER_OPEN_FAILED;
  }
  return CPNG_WRITER_OK;
}
