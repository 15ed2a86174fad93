#include "cdelimited_scan.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The stretch of 64 bytes (fewer at the end of the data) the mask describes: bit k set when
   byte `base + k` is the delimiter, LF or CR. */
typedef struct {
  size_t base;
  uint64_t mask;
} stretch;

static uint64_t structural(const uint8_t *b, size_t base, size_t end, uint8_t delimiter) {
  uint64_t mask = 0;
  size_t n = end - base;
#if defined(__SSE2__)
  if (n >= 64) {
    const __m128i d = _mm_set1_epi8((char)delimiter);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    for (int k = 0; k < 4; k++) {
      __m128i v = _mm_loadu_si128((const __m128i *)(b + base + 16 * k));
      __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)),
                                 _mm_cmpeq_epi8(v, cr));
      mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(hit) << (16 * k);
    }
    return mask;
  }
#endif
  if (n > 64) n = 64;
  for (size_t k = 0; k < n; k++) {
    uint8_t c = b[base + k];
    if (c == delimiter || c == '\n' || c == '\r') mask |= (uint64_t)1 << k;
  }
  return mask;
}

/* The index of the first delimiter or line end at or after `i`, or `end`. */
static size_t next_stop(const uint8_t *b, size_t i, size_t end, uint8_t delimiter,
                        stretch *s) {
  while (i < end) {
    if (i < s->base || i >= s->base + 64) {
      s->base = i;
      s->mask = structural(b, i, end, delimiter);
    }
    uint64_t rest = s->mask >> (i - s->base);
    if (rest) {
      size_t at = i + (size_t)__builtin_ctzll(rest);
      return at < end ? at : end;
    }
    i = s->base + 64;
  }
  return end;
}

int cdelimited_simple_record(const uint8_t *b, size_t start, size_t end, uint8_t delimiter,
                             int32_t *spans, size_t max_fields, size_t *fields,
                             size_t *record_end, size_t *next) {
  const uint8_t quote = '"';
  size_t i = start;
  size_t count = 0;
  stretch s = {.base = (size_t)-1 / 2, .mask = 0};
  if (i >= end) return CDELIMITED_MORE;
  if (b[i] == '\n' || b[i] == '\r') return CDELIMITED_OTHER;
  for (;;) {
    size_t low, high;
    if (i < end && b[i] == quote) {
      const uint8_t *close = memchr(b + i + 1, quote, end - (i + 1));
      size_t j = close ? (size_t)(close - b) : end;
      /* The byte after the closing quote tells a doubled quote from the end of the field. */
      if (j + 1 >= end) return CDELIMITED_MORE;
      if (b[j + 1] == quote) return CDELIMITED_OTHER;
      low = i + 1;
      high = j;
      /* Anything between the closing quote and the delimiter is ignored. */
      i = next_stop(b, j + 1, end, delimiter, &s);
    } else {
      low = i;
      i = next_stop(b, i, end, delimiter, &s);
      high = i;
    }
    if (i >= end) return CDELIMITED_MORE;
    if (count == max_fields) return CDELIMITED_NEEDS_ROOM;
    spans[2 * count] = (int32_t)(low - start);
    spans[2 * count + 1] = (int32_t)(high - start);
    count++;
    if (b[i] == delimiter) {
      i++;
      if (i >= end) return CDELIMITED_MORE;
      continue;
    }
    /* A line end: CRLF counts as one. */
    if (b[i] == '\r') {
      if (i + 1 >= end) return CDELIMITED_MORE;
      *next = b[i + 1] == '\n' ? i + 2 : i + 1;
    } else {
      *next = i + 1;
    }
    *fields = count;
    *record_end = i;
    return CDELIMITED_RECORD;
  }
}
