#include "cpng_flat_deflate.h"

#include <string.h>

/* The fixed Huffman code of RFC 1951 § 3.2.6, each code stored bit-reversed (deflate writes a
   code from its most significant bit, the bit writer from the least) with the extra bits of a
   length folded in: `bits` holds the code then the extra bits, `count` their number. */

static uint32_t reversed(uint32_t code, int length) {
  uint32_t r = 0;
  for (int i = 0; i < length; i++) r |= ((code >> i) & 1u) << (length - 1 - i);
  return r;
}

static const uint16_t length_base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,
                                         15, 17, 19, 23, 27, 31, 35, 43, 51,  59,
                                         67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t length_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                         2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t distance_base[30] = {1,    2,    3,    4,    5,    7,     9,     13,
                                           17,   25,   33,   49,   65,   97,    129,   193,
                                           257,  385,  513,  769,  1025, 1537,  2049,  3073,
                                           4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t distance_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                           6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

void cpng_flat_tables_init(cpng_flat_tables *t) {
  for (int v = 0; v < 288; v++) {
    uint32_t code;
    int length;
    if (v < 144) {
      code = 0x30 + v, length = 8;
    } else if (v < 256) {
      code = 0x190 + (v - 144), length = 9;
    } else if (v < 280) {
      code = v - 256, length = 7;
    } else {
      code = 0xC0 + (v - 280), length = 8;
    }
    t->literal[v].bits = reversed(code, length);
    t->literal[v].count = (uint8_t)length;
  }
  for (int symbol = 0; symbol < 29; symbol++) {
    /* 227 … 257 share symbol 284; 258 has its own (285). */
    int last = symbol == 28 ? 258 : length_base[symbol + 1] - 1;
    for (int n = length_base[symbol]; n <= last; n++) {
      const cpng_flat_code *code = &t->literal[257 + symbol];
      t->length[n].bits = code->bits | (uint32_t)(n - length_base[symbol]) << code->count;
      t->length[n].count = (uint8_t)(code->count + length_extra[symbol]);
    }
  }
  for (int symbol = 0; symbol < 30; symbol++) {
    t->distance_code[symbol].bits = reversed((uint32_t)symbol, 5);
    t->distance_code[symbol].count = 5;
  }
}

/* The distance symbol of `d` (1 … 32768). */
static int distance_symbol(uint32_t d) {
  int low = 0, high = 29;
  while (low < high) { /* the last base at or below d */
    int mid = (low + high + 1) / 2;
    if (distance_base[mid] <= d) low = mid; else high = mid - 1;
  }
  return low;
}

void cpng_flat_put(cpng_flat_sink *s, uint64_t bits, unsigned count) {
  s->bits |= bits << s->count;
  s->count += count;
  while (s->count >= 8) {
    s->out[s->used++] = (uint8_t)s->bits;
    s->bits >>= 8;
    s->count -= 8;
  }
}

static void put_match(cpng_flat_sink *s, const cpng_flat_tables *t, uint32_t length,
                      uint32_t distance) {
  const cpng_flat_code *l = &t->length[length];
  int symbol = distance == s->last_distance ? s->last_symbol : distance_symbol(distance);
  s->last_distance = distance;
  s->last_symbol = symbol;
  uint64_t bits = l->bits;
  unsigned count = l->count;
  bits |= (uint64_t)t->distance_code[symbol].bits << count;
  count += 5;
  bits |= (uint64_t)(distance - distance_base[symbol]) << count;
  count += distance_extra[symbol];
  cpng_flat_put(s, bits, count);
}

/* How many of the `limit` bytes at `a` equal those at `b` (b before a; they may overlap, as a
   deflate copy does). */
static uint32_t common(const uint8_t *a, const uint8_t *b, uint32_t limit) {
  uint32_t n = 0;
  while (n + 8 <= limit) {
    uint64_t x, y;
    memcpy(&x, a + n, 8);
    memcpy(&y, b + n, 8);
    if (x != y) return n + (uint32_t)(__builtin_ctzll(x ^ y) >> 3);
    n += 8;
  }
  while (n < limit && a[n] == b[n]) n++;
  return n;
}

#define MAX_MATCH 258u
#define WINDOW 32768u

uint64_t cpng_flat_deflate(cpng_flat_state *z, const cpng_flat_tables *t, cpng_flat_sink *s,
                           const uint8_t *window, uint64_t window_start, uint64_t have,
                           int final) {
  uint64_t pos = z->position;
  const uint64_t row = z->row_bytes;
  /* Every match leaves MAX_MATCH bytes of look-ahead until the last rows. */
  const uint64_t stop = final ? have : (have > MAX_MATCH ? have - MAX_MATCH : 0);
  while (pos < stop && s->used < s->room) {
    const uint8_t *p = window + (pos - window_start);
    uint64_t left = have - pos;
    uint32_t limit = left < MAX_MATCH ? (uint32_t)left : MAX_MATCH;
    uint32_t best = 0, distance = 0;
    /* The row above, then the pixel before: the flat areas and straight edges of a chart. */
    if (row <= WINDOW && pos >= row) {
      best = common(p, p - row, limit);
      distance = (uint32_t)row;
    }
    if (best < limit && pos >= 3) {
      uint32_t n = common(p, p - 3, limit);
      if (n > best) best = n, distance = 3;
    }
    /* Otherwise the last place the next four bytes were seen (text, markers, repeated
       glyphs), only where the cheap candidates found little. */
    if (best < 8 && limit >= 4) {
      uint32_t word;
      memcpy(&word, p, 4);
      uint32_t h = (word * 2654435761u) >> (32 - CPNG_FLAT_HASH_BITS);
      uint64_t seen = z->table[h];
      z->table[h] = pos + 1;
      if (seen > 0) {
        uint64_t j = seen - 1;
        if (j >= window_start && pos - j <= WINDOW && pos - j != row && pos - j != 3) {
          uint32_t n = common(p, window + (j - window_start), limit);
          if (n > best) best = n, distance = (uint32_t)(pos - j);
        }
      }
    }
    if (best >= 4) {
      put_match(s, t, best, distance);
      pos += best;
    } else {
      cpng_flat_put(s, t->literal[*p].bits, t->literal[*p].count);
      pos += 1;
    }
  }
  z->position = pos;
  return pos;
}
