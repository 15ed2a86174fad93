#include "cpng_reader.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

struct cpng_reader {
  FILE *file;
  png_structp png;
  png_infop info;
  char message[256];
};

static void cpng_reader_error(png_structp png, png_const_charp text) {
  cpng_reader *reader = png_get_error_ptr(png);
  snprintf(reader->message, sizeof reader->message, "%s", text);
  longjmp(png_jmpbuf(png), 1);
}

static void cpng_reader_warning(png_structp png, png_const_charp text) {
  (void)png;
  (void)text;
}

static void copy_message(const char *text, char *message, size_t message_size) {
  if (message && message_size > 0) snprintf(message, message_size, "%s", text);
}

void cpng_reader_close(cpng_reader *reader) {
  if (!reader) return;
  if (reader->png) png_destroy_read_struct(&reader->png, &reader->info, NULL);
  if (reader->file) fclose(reader->file);
  free(reader);
}

/* Chunk lengths come from the file, and libpng 1.6.39 allocates an ancillary chunk's declared
 * length (zTXt: 1.7 GB for a 42-byte file, found by FuzzPNG) before reading it, which
 * png_set_chunk_malloc_max does not stop. So the chunk headers are walked first: a chunk other
 * than IDAT that claims more bytes than the file has left, or a text, profile, palette or Exif
 * chunk (the ones libpng holds in memory) of more than 8 MB, is refused before libpng sees it. IDAT streams, and a cut-short IDAT is libpng's to report. Returns 1 when the
 * chunks are plausible, else 0 with the reason in `message`; the file is left after the
 * signature. */
static int cpng_reader_check_chunks(FILE *file, char *message, size_t message_size) {
  if (fseek(file, 0, SEEK_END) != 0) return 1;
  long size = ftell(file);
  long offset = 8;
  unsigned char header[8];
  while (size > 0 && offset + 8 <= size) {
    if (fseek(file, offset, SEEK_SET) != 0 || fread(header, 1, 8, file) != 8) break;
    unsigned long length = (unsigned long)header[0] << 24 | (unsigned long)header[1] << 16 |
                           (unsigned long)header[2] << 8 | (unsigned long)header[3];
    int idat = memcmp(header + 4, "IDAT", 4) == 0;
    int buffered = memcmp(header + 4, "zTXt", 4) == 0 || memcmp(header + 4, "tEXt", 4) == 0 ||
                   memcmp(header + 4, "iTXt", 4) == 0 || memcmp(header + 4, "iCCP", 4) == 0 ||
                   memcmp(header + 4, "sPLT", 4) == 0 || memcmp(header + 4, "eXIf", 4) == 0;
    long left = size - offset - 8;
    if (!idat && ((long)length > left || (buffered && length > CPNG_READER_CHUNK_MALLOC_MAX))) {
      char name[5] = "?";
      int printable = 1;
      for (int i = 0; i < 4; i++) {
        unsigned char c = header[4 + i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) printable = 0;
      }
      if (printable) { memcpy(name, header + 4, 4); name[4] = 0; }
      if (message && message_size > 0)
        snprintf(message, message_size, "a %s chunk claims %lu bytes where the file has %ld left",
                 name, length, left < 0 ? 0 : left);
      return 0;
    }
    if (memcmp(header + 4, "IEND", 4) == 0) break;
    offset += 12 + (long)length;
  }
  fseek(file, 8, SEEK_SET);
  return 1;
}

int cpng_reader_open(const char *path, cpng_reader **out, cpng_reader_info *info,
                     char *message, size_t message_size) {
  *out = NULL;
  cpng_reader *reader = calloc(1, sizeof *reader);
  if (!reader) return CPNG_READER_NO_MEMORY;
  reader->file = fopen(path, "rb");
  if (!reader->file) {
    copy_message(strerror(errno), message, message_size);
    cpng_reader_close(reader);
    return CPNG_READER_OPEN_FAILED;
  }
  unsigned char signature[8];
  if (fread(signature, 1, 8, reader->file) != 8 || png_sig_cmp(signature, 0, 8) != 0) {
    copy_message("not a PNG file (bad signature)", message, message_size);
    cpng_reader_close(reader);
    return CPNG_READER_NOT_PNG;
  }
  if (!cpng_reader_check_chunks(reader->file, message, message_size)) {
    cpng_reader_close(reader);
    return CPNG_READER_LIBPNG_ERROR;
  }
  reader->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, reader, cpng_reader_error,
                                       cpng_reader_warning);
  if (reader->png) reader->info = png_create_info_struct(reader->png);
  if (!reader->png || !reader->info) {
    cpng_reader_close(reader);
    return CPNG_READER_NO_MEMORY;
  }
  if (setjmp(png_jmpbuf(reader->png))) {
    copy_message(reader->message, message, message_size);
    cpng_reader_close(reader);
    return CPNG_READER_LIBPNG_ERROR;
  }
  png_init_io(reader->png, reader->file);
  png_set_sig_bytes(reader->png, 8);
  /* Lumen checks its own size limits from the header; lift libpng's 1,000,000-pixel default. */
  png_set_user_limits(reader->png, 0x7fffffff, 0x7fffffff);
  /* Chunk lengths come from the file: a 90 KB PNG may claim a 2 GB iTXt chunk. No chunk that
   * is kept in memory (text, ICC profile, unknown chunks) may ask for more than 8 MB, and at most
   * 1,000 ancillary chunks are cached; image data (IDAT) streams and is not affected. */
  png_set_chunk_malloc_max(reader->png, CPNG_READER_CHUNK_MALLOC_MAX);
  png_set_chunk_cache_max(reader->png, CPNG_READER_CHUNK_CACHE_MAX);
  png_read_info(reader->png, reader->info);
  info->width = png_get_image_width(reader->png, reader->info);
  info->height = png_get_image_height(reader->png, reader->info);
  info->bit_depth = png_get_bit_depth(reader->png, reader->info);
  info->color_type = png_get_color_type(reader->png, reader->info);
  info->interlaced = png_get_interlace_type(reader->png, reader->info) != PNG_INTERLACE_NONE;
  *out = reader;
  return CPNG_READER_OK;
}

int cpng_reader_read_rgba8(cpng_reader *reader, uint8_t *rgba, char *message, size_t message_size) {
  png_structp png = reader->png;
  png_infop info = reader->info;
  png_bytep *volatile rows = NULL;
  if (setjmp(png_jmpbuf(png))) {
    free(rows);
    copy_message(reader->message, message, message_size);
    return CPNG_READER_LIBPNG_ERROR;
  }
  png_uint_32 width = png_get_image_width(png, info);
  png_uint_32 height = png_get_image_height(png, info);
  int color_type = png_get_color_type(png, info);
  if (png_get_bit_depth(png, info) == 16) png_set_scale_16(png);
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8)
    png_set_expand_gray_1_2_4_to_8(png);
  int has_trns = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
  if (has_trns) png_set_tRNS_to_alpha(png);
  if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA)
    png_set_gray_to_rgb(png);
  if (!(color_type & PNG_COLOR_MASK_ALPHA) && !has_trns) png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  if (png_get_rowbytes(png, info) != (size_t)width * 4) {
    copy_message("unexpected row size after conversion", message, message_size);
    return CPNG_READER_LIBPNG_ERROR;
  }
  rows = malloc(sizeof(png_bytep) * (height ? height : 1));
  if (!rows) return CPNG_READER_NO_MEMORY;
  for (png_uint_32 y = 0; y < height; y++) rows[y] = rgba + (size_t)y * width * 4;
  png_read_image(png, rows);
  free(rows);
  return CPNG_READER_OK;
}
