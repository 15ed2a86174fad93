#ifndef CPNG_READER_H
#define CPNG_READER_H
/** The most bytes libpng may allocate for one ancillary chunk. */
#define CPNG_READER_CHUNK_MALLOC_MAX (8u << 20)
/** The most ancillary chunks libpng keeps. */
#define CPNG_READER_CHUNK_CACHE_MAX 1000u

#include <stddef.h>
#include <stdint.h>

/* libpng reports errors with longjmp, which Swift cannot use: these functions establish the
   setjmp themselves and turn errors into status codes. Pixels come out as 8-bit RGBA with
   16-bit samples scaled (not clipped), palettes and tRNS expanded, grey widened, and Adam7
   de-interlaced. Gamma chunks are not applied: the stored values are returned. */

typedef struct cpng_reader cpng_reader;

enum {
  CPNG_READER_OK = 0,
  CPNG_READER_OPEN_FAILED = 1,
  CPNG_READER_NOT_PNG = 2,
  CPNG_READER_LIBPNG_ERROR = 3,
  CPNG_READER_NO_MEMORY = 4
};

typedef struct {
  uint32_t width;
  uint32_t height;
  int bit_depth;
  int color_type;
  int interlaced;
} cpng_reader_info;

/* Opens a file and reads the header. On failure *reader is NULL and message holds the reason. */
int cpng_reader_open(const char *path, cpng_reader **reader, cpng_reader_info *info,
                     char *message, size_t message_size);

/* Decodes the whole image into rgba (width * height * 4 bytes, rows packed). */
int cpng_reader_read_rgba8(cpng_reader *reader, uint8_t *rgba, char *message, size_t message_size);

/* Frees the reader and closes the file. */
void cpng_reader_close(cpng_reader *reader);

#endif
