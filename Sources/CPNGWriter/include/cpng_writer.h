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

/* Writes the same pictures as cpng_write_bgrx, deflated by Lumen's encoder for flat
   graphics (cpng_flat_deflate.h: the row above, the pixel before and the last place of four
   bytes; blocks of 32,768 matches and literals with Huffman codes made for each) rather than
   zlib: on the twelve charts of an analysis about a third of zlib level 1's time, and 9 %
   fewer bytes. */
int cpng_write_bgrx_flat(const char *path, uint32_t width, uint32_t height,
                         const uint8_t *pixels, size_t stride, char *message,
                         size_t message_size);

/* The lengths of a Huffman code for `n` (at most 288) symbols of frequencies `frequency` (0:
   unused, no code), none longer than `limit` (at most 15): optimal (Moffat and Katajainen's
   in-place method) until the limit cuts it, then the Kraft sum brought back to one. A lone
   symbol is given a partner, so the code is complete (which every inflater accepts). Used by
   cpng_write_bgrx_flat's blocks; declared here for the tests. */
void cpng_flat_code_lengths(const uint32_t *frequency, int n, int limit, uint8_t *lengths);

/* Adler-32 (RFC 1950) of `length` bytes continuing from `adler` (1 to start): sixteen bytes
   at a time with SSE2 where the compiler targets it, the byte loop elsewhere; equal to
   zlib's adler32, tested. */
uint32_t cpng_adler32(uint32_t adler, const uint8_t *bytes, size_t length);

#endif
