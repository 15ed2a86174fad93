#ifndef CPNG_WRITER_H
#define CPNG_WRITER_H
#include <stddef.h>
#include <stdint.h>

/* PNG files of opaque pictures written straight through zlib: cairo's B, G, R, X pixels
   turned into R, G, B rows and deflated, without libpng's row transforms and byte-by-byte
   filters. The PNG container (signature, IHDR, IDAT, IEND, each with its CRC) is a few dozen
   lines; libpng still reads every PNG (CPNGReader), and the tests read these back through it.
   Errors come back as status codes. */

enum {
  CPNG_WRITER_OK = 0,
  CPNG_WRITER_OPEN_FAILED = 1, /* the file could not be opened or written (errno's text) */
  CPNG_WRITER_ZLIB_ERROR = 2,  /* a zlib function failed (its name and status) */
  CPNG_WRITER_NO_MEMORY = 3,
  CPNG_WRITER_BAD_SIZE = 4
};

/* Writes an 8-bit RGB PNG from rows of 4-byte B, G, R, X pixels `stride` bytes apart. `level`
   is zlib's (1 fastest … 9 smallest). Each row is written without a filter (NONE): on the
   twelve charts of an analysis zlib takes the same time with or without the UP filter, and
   the files are 3.6 % larger. zlib's memory level is 6, not 8: its smaller hash tables stay
   in the caches (10 % less time on those charts, 1 % fewer bytes). The stream is raw deflate
   with the zlib header and trailer written here, the Adler-32 by cpng_adler32. */
int cpng_write_bgrx(const char *path, uint32_t width, uint32_t height, const uint8_t *pixels,
                    size_t stride, int level, char *message, size_t message_size);

/* Writes the same PNG file as cpng_write_bgrx but deflated by Lumen's encoder for flat
   graphics (cpng_flat_deflate.h: the row above, the pixel before and the last place of four
   bytes; the fixed Huffman code) rather than zlib: on the twelve charts of an analysis a fifth
   of zlib level 1's time, for 10 % more bytes. */
int cpng_write_bgrx_flat(const char *path, uint32_t width, uint32_t height,
                         const uint8_t *pixels, size_t stride, char *message,
                         size_t message_size);

/* Adler-32 (RFC 1950) of `length` bytes continuing from `adler` (1 to start): sixteen bytes
   at a time with SSE2 where the compiler targets it, the byte loop elsewhere; equal to
   zlib's adler32, tested. */
uint32_t cpng_adler32(uint32_t adler, const uint8_t *bytes, size_t length);

#endif
