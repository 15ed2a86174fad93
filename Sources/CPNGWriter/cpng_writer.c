#include "cpng_writer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "cpng_flat_deflate.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static void copy_message(const char *text, char *message, size_t message_size) {
  if (message && message_size > 0) snprintf(message, message_size, "%s", text);
}

static void put32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

/* One chunk: length, type, data, CRC of type and data. Returns 0 when written. */
static int write_chunk(FILE *file, const char type[4], const uint8_t *data, uint32_t length) {
  uint8_t head[8];
  put32(head, length);
  memcpy(head + 4, type, 4);
  uint32_t crc = (uint32_t)crc32(0, head + 4, 4);
  if (length > 0) crc = (uint32_t)crc32(crc, data, length);
  uint8_t tail[4];
  put32(tail, crc);
  if (fwrite(head, 1, 8, file) != 8) return -1;
  if (length > 0 && fwrite(data, 1, length, file) != length) return -1;
  return fwrite(tail, 1, 4, file) == 4 ? 0 : -1;
}

#define ADLER_BASE 65521u
#define ADLER_NMAX 5552u

uint32_t cpng_adler32(uint32_t adler, const uint8_t *bytes, size_t length) {
  uint32_t s1 = adler & 0xffff;
  uint32_t s2 = adler >> 16;
#if defined(__SSE2__)
  /* Sixteen bytes at a time: s1 gains their sum, s2 gains 16 × s1 before them plus the
     bytes weighted 16 … 1. A block of at most ADLER_NMAX bytes keeps every sum in 32 bits. */
  const __m128i zero = _mm_setzero_si128();
  const __m128i weights_high = _mm_setr_epi16(16, 15, 14, 13, 12, 11, 10, 9);
  const __m128i weights_low = _mm_setr_epi16(8, 7, 6, 5, 4, 3, 2, 1);
  while (length >= 16) {
    size_t chunks = length / 16;
    if (chunks > ADLER_NMAX / 16) chunks = ADLER_NMAX / 16;
    length -= chunks * 16;
    __m128i sums = zero;     /* the bytes, two 64-bit lanes */
    __m128i before = zero;   /* Σ of `sums` before each chunk */
    __m128i weighted = zero; /* the weighted bytes, four 32-bit lanes */
    uint32_t s1_start = s1;
    for (size_t c = 0; c < chunks; c++, bytes += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)bytes);
      before = _mm_add_epi32(before, sums);
      sums = _mm_add_epi64(sums, _mm_sad_epu8(v, zero));
      weighted = _mm_add_epi32(weighted,
                               _mm_madd_epi16(_mm_unpacklo_epi8(v, zero), weights_high));
      weighted = _mm_add_epi32(weighted,
                               _mm_madd_epi16(_mm_unpackhi_epi8(v, zero), weights_low));
    }
    uint32_t lanes[4];
    _mm_storeu_si128((__m128i *)lanes, sums);
    uint32_t block_sum = lanes[0] + lanes[2];
    _mm_storeu_si128((__m128i *)lanes, before);
    uint32_t block_before = lanes[0] + lanes[2];
    _mm_storeu_si128((__m128i *)lanes, weighted);
    uint32_t block_weighted = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    s2 = (uint32_t)((s2 + (uint64_t)chunks * 16 * s1_start + 16 * (uint64_t)block_before +
                     block_weighted) %
                    ADLER_BASE);
    s1 = (s1_start + block_sum) % ADLER_BASE;
  }
#endif
  while (length > 0) {
    size_t n = length < ADLER_NMAX ? length : ADLER_NMAX;
    length -= n;
    while (n--) {
      s1 += *bytes++;
      s2 += s1;
    }
    s1 %= ADLER_BASE;
    s2 %= ADLER_BASE;
  }
  return (s2 << 16) | s1;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <tmmintrin.h>
/* Four pixels at a time by one byte shuffle (SSSE3, which every x86-64 of the last fifteen
   years has; checked once at run time). */
__attribute__((target("ssse3"))) static uint32_t rgb_row_ssse3(const uint8_t *in, uint32_t width,
                                                               uint8_t *rgb) {
  const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  uint32_t x = 0;
  /* Sixteen bytes stored for twelve: the last four pixels go the scalar way. */
  for (; x + 5 <= width; x += 4, in += 16, rgb += 12) {
    __m128i v = _mm_loadu_si128((const __m128i *)in);
    _mm_storeu_si128((__m128i *)rgb, _mm_shuffle_epi8(v, order));
  }
  return x;
}
#endif

/* One row of B, G, R, X pixels as R, G, B bytes. */
static void rgb_row(const uint8_t *in, uint32_t width, uint8_t *rgb) {
  uint32_t x = 0;
#if defined(__x86_64__) && defined(__GNUC__)
  if (__builtin_cpu_supports("ssse3")) {
    x = rgb_row_ssse3(in, width, rgb);
    in += 4 * (size_t)x;
    rgb += 3 * (size_t)x;
  }
#endif
  /* Four pixels (16 bytes in, 12 out) in three 32-bit words at a time. */
  for (; x + 4 <= width; x += 4, in += 16, rgb += 12) {
    uint32_t p[4];
    memcpy(p, in, 16);
    uint32_t c[4];
    for (int i = 0; i < 4; i++) { /* B, G, R, X (little-endian) to R, G, B in the low bytes */
      c[i] = ((p[i] >> 16) & 0xff) | (p[i] & 0xff00) | ((p[i] & 0xff) << 16);
    }
    uint32_t words[3] = {c[0] | (c[1] << 24), (c[1] >> 8) | (c[2] << 16),
                         (c[2] >> 16) | (c[3] << 8)};
    memcpy(rgb, words, 12);
  }
  for (; x < width; x++, in += 4, rgb += 3) {
    rgb[0] = in[2];
    rgb[1] = in[1];
    rgb[2] = in[0];
  }
}

/* Whether an RGB picture of this size fits a PNG (dimensions below 2^31, a row's bytes too). */
static int fits_png(uint32_t width, uint32_t height) {
  return width > 0 && height > 0 && width <= 0x7fffffffu / 3 && height <= 0x7fffffffu;
}

/* The PNG signature and the IHDR of an 8-bit RGB picture, not interlaced. */
static int write_rgb_header(FILE *file, uint32_t width, uint32_t height) {
  static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  uint8_t header[13];
  put32(header, width);
  put32(header + 4, height);
  header[8] = 8;  /* bits per sample */
  header[9] = 2;  /* RGB */
  header[10] = 0; /* deflate */
  header[11] = 0; /* adaptive filters (each row says which: here NONE) */
  header[12] = 0; /* not interlaced */
  if (fwrite(signature, 1, 8, file) != 8) return -1;
  return write_chunk(file, "IHDR", header, 13);
}

/* The zlib stream's output so far, written as IDAT chunks of at most `capacity` bytes; the
   first failure is kept: a write's errno, or the zlib function and its status. */
typedef struct {
  FILE *file;
  z_stream stream;
  uint8_t *out;
  uInt capacity;
  int write_errno;
  const char *zlib_function;
  int zlib_status;
} idat_writer;

static int failed(const idat_writer *w) { return w->write_errno != 0 || w->zlib_function; }

static void write_failed(idat_writer *w) {
  if (!failed(w)) w->write_errno = errno ? errno : EIO;
}

/* Writes the buffered output as one IDAT chunk and empties the buffer (also on failure, so a
   caller never writes past it). */
static void flush_idat(idat_writer *w) {
  uInt used = w->capacity - w->stream.avail_out;
  if (used > 0 && !failed(w) && write_chunk(w->file, "IDAT", w->out, used) != 0) {
    write_failed(w);
  }
  w->stream.next_out = w->out;
  w->stream.avail_out = w->capacity;
}

/* Deflates `length` bytes (or finishes the stream), writing full buffers as IDAT chunks. */
static void deflate_into(idat_writer *w, const uint8_t *bytes, size_t length, int flush) {
  w->stream.next_in = (Bytef *)bytes;
  w->stream.avail_in = (uInt)length;
  while (!failed(w)) {
    int status = deflate(&w->stream, flush);
    if (status == Z_STREAM_ERROR) {
      w->zlib_function = "deflate";
      w->zlib_status = status;
      return;
    }
    if (w->stream.avail_out == 0) {
      flush_idat(w);
      continue;
    }
    if (flush == Z_FINISH ? status == Z_STREAM_END : w->stream.avail_in == 0) return;
  }
}

int cpng_write_bgrx(const char *path, uint32_t width, uint32_t height, const uint8_t *pixels,
                    size_t stride, int level, char *message, size_t message_size) {
  if (!fits_png(width, height)) {
    copy_message("the picture's size is outside what PNG holds", message, message_size);
    return CPNG_WRITER_BAD_SIZE;
  }
  size_t row_bytes = 1 + (size_t)width * 3;
  uint8_t *row = malloc(row_bytes);
  uInt capacity = 1u << 16;
  uint8_t *out = malloc(capacity);
  if (!row || !out) {
    free(row);
    free(out);
    copy_message("out of memory", message, message_size);
    return CPNG_WRITER_NO_MEMORY;
  }
  FILE *file = fopen(path, "wb");
  if (!file) {
    copy_message(strerror(errno), message, message_size);
    free(row);
    free(out);
    return CPNG_WRITER_OPEN_FAILED;
  }
  idat_writer w = {.file = file, .out = out, .capacity = capacity};
  /* Raw deflate: the zlib header and the Adler-32 trailer are written here, the checksum by
     cpng_adler32 (zlib 1.2's own is a byte loop, 1.5 % of an analysis). */
  int status = deflateInit2(&w.stream, level, Z_DEFLATED, -15, 6, Z_DEFAULT_STRATEGY);
  if (status != Z_OK) {
    fclose(file);
    free(row);
    free(out);
    char text[96];
    snprintf(text, sizeof text, "deflateInit2 returned %d (%s)", status,
             status == Z_MEM_ERROR ? "out of memory" : "settings refused");
    copy_message(text, message, message_size);
    return status == Z_MEM_ERROR ? CPNG_WRITER_NO_MEMORY : CPNG_WRITER_ZLIB_ERROR;
  }

  errno = 0;
  if (write_rgb_header(file, width, height) != 0) write_failed(&w);
  /* The zlib header: deflate with a 32 KB window (0x78), fastest (0x01, a multiple of 31). */
  out[0] = 0x78;
  out[1] = 0x01;
  w.stream.next_out = out + 2;
  w.stream.avail_out = capacity - 2;
  uint32_t adler = 1;
  row[0] = 0; /* filter NONE */
  for (uint32_t y = 0; y < height && !failed(&w); y++) {
    rgb_row(pixels + (size_t)y * stride, width, row + 1);
    adler = cpng_adler32(adler, row, row_bytes);
    deflate_into(&w, row, row_bytes, Z_NO_FLUSH);
  }
  deflate_into(&w, NULL, 0, Z_FINISH);
  /* The Adler-32 trailer, in a buffer emptied first when it has no room for four bytes. */
  if (w.stream.avail_out < 4) flush_idat(&w);
  put32(w.stream.next_out, adler);
  w.stream.next_out += 4;
  w.stream.avail_out -= 4;
  flush_idat(&w);
  if (!failed(&w) && write_chunk(file, "IEND", NULL, 0) != 0) write_failed(&w);
  deflateEnd(&w.stream);
  free(row);
  free(out);
  if (fclose(file) != 0) write_failed(&w);
  if (w.zlib_function) {
    char text[96];
    snprintf(text, sizeof text, "%s returned %d", w.zlib_function, w.zlib_status);
    copy_message(text, message, message_size);
    return CPNG_WRITER_ZLIB_ERROR;
  }
  if (w.write_errno) {
    copy_message(strerror(w.write_errno), message, message_size);
    return CPNG_WRITER_OPEN_FAILED;
  }
  return CPNG_WRITER_OK;
}

int cpng_write_bgrx_flat(const char *path, uint32_t width, uint32_t height,
                         const uint8_t *pixels, size_t stride, char *message,
                         size_t message_size) {
  if (!fits_png(width, height)) {
    copy_message("the picture's size is outside what PNG holds", message, message_size);
    return CPNG_WRITER_BAD_SIZE;
  }
  const uint64_t row_bytes = 1 + (uint64_t)width * 3;
  /* The 32 KB the encoder may look back, the 258 it may look ahead, a new row: slid down
     when full. */
  const size_t capacity = 2 * 32768 + 2 * (size_t)row_bytes + 1024;
  uint8_t *window = malloc(capacity);
  uint8_t *out = malloc(CPNG_FLAT_BLOCK_BYTES + 16);
  cpng_flat_state *state = calloc(1, sizeof *state);
  if (!window || !out || !state) {
    free(window), free(out), free(state);
    copy_message("out of memory", message, message_size);
    return CPNG_WRITER_NO_MEMORY;
  }
  FILE *file = fopen(path, "wb");
  if (!file) {
    copy_message(strerror(errno), message, message_size);
    free(window), free(out), free(state);
    return CPNG_WRITER_OPEN_FAILED;
  }
  state->row_bytes = row_bytes;
  state->hashes = row_bytes * height < 0xffffffffu;
  cpng_flat_sink sink = {.out = out};
  int write_errno = 0;
  errno = 0;
  if (write_rgb_header(file, width, height) != 0) write_errno = errno ? errno : EIO;
  /* The zlib header: a 32 KB window, fastest. */
  out[0] = 0x78;
  out[1] = 0x01;
  sink.used = 2;
  uint32_t adler = 1;
  uint64_t start = 0; /* the stream position of window[0] */
  uint64_t have = 0;  /* the stream's bytes so far */
  for (uint32_t y = 0; y < height && !write_errno; y++) {
    if (have - start + row_bytes > capacity) {
      uint64_t keep = state->position - start < 32768 ? state->position - start : 32768;
      uint64_t from = state->position - keep;
      memmove(window, window + (from - start), (size_t)(have - from));
      start = from;
    }
    uint8_t *row = window + (have - start);
    const uint8_t *in = pixels + (size_t)y * stride;
    row[0] = 0; /* filter NONE */
    /* A row the same as the one above (half the rows of a chart) is copied, not converted. */
    if (y > 0 && have - start >= row_bytes && memcmp(in, in - stride, (size_t)width * 4) == 0) {
      memcpy(row + 1, row + 1 - row_bytes, (size_t)width * 3);
    } else {
      rgb_row(in, width, row + 1);
    }
    adler = cpng_adler32(adler, row, (size_t)row_bytes);
    have += row_bytes;
    /* A full block goes out as an IDAT chunk; the last block waits for the end. */
    while (!write_errno) {
      cpng_flat_deflate(state, window, start, have, y + 1 == height);
      if (state->token_count < CPNG_FLAT_BLOCK_TOKENS) break;
      cpng_flat_write_block(state, &sink, 0);
      errno = 0;
      if (write_chunk(file, "IDAT", out, (uint32_t)sink.used) != 0) {
        write_errno = errno ? errno : EIO;
      }
      sink.used = 0;
    }
  }
  if (!write_errno) {
    cpng_flat_write_block(state, &sink, 1);
    cpng_flat_put(&sink, 0, (8 - sink.count) & 7);
    while (sink.count >= 8) {
      out[sink.used++] = (uint8_t)sink.bits;
      sink.bits >>= 8;
      sink.count -= 8;
    }
    put32(out + sink.used, adler);
    sink.used += 4;
    errno = 0;
    if (write_chunk(file, "IDAT", out, (uint32_t)sink.used) != 0 ||
        write_chunk(file, "IEND", NULL, 0) != 0) {
      write_errno = errno ? errno : EIO;
    }
  }
  free(window), free(out), free(state);
  if (fclose(file) != 0 && !write_errno) write_errno = errno ? errno : EIO;
  if (write_errno) {
    copy_message(strerror(write_errno), message, message_size);
    return CPNG_WRITER_OPEN_FAILED;
  }
  return CPNG_WRITER_OK;
}
