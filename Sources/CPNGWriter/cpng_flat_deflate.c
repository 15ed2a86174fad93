#include "cpng_flat_deflate.h"

#include "cpng_writer.h"

#include <stdlib.h>
#include <string.h>

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
/* The order in which the code length code's lengths are sent (RFC 1951 § 3.2.7). */
static const uint8_t length_code_order[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                              11, 4,  12, 3, 13, 2, 14, 1, 15};

static int floor_log2(uint32_t v) { return 31 - __builtin_clz(v); }

/* The length symbol (0 … 28, less 257) of a match of `n` bytes (3 … 258); 258 has its own. */
static int length_symbol(uint32_t n) {
  if (n == 258) return 28;
  uint32_t m = n - 3;
  if (m < 8) return (int)m;
  int extra = floor_log2(m) - 2;
  return 4 * extra + 4 + (int)((m >> extra) & 3);
}

/* The distance symbol (0 … 29) of a distance of `d` bytes (1 … 32768). */
static int distance_symbol(uint32_t d) {
  uint32_t m = d - 1;
  if (m < 4) return (int)m;
  int extra = floor_log2(m) - 1;
  return 2 * extra + 2 + (int)((m >> extra) & 1);
}

void cpng_flat_put(cpng_flat_sink *s, uint64_t bits, unsigned count) {
  s->bits |= bits << s->count;
  s->count += count;
  if (s->count >= 32) {
    uint32_t word = (uint32_t)s->bits; /* little-endian: the first bits in the first byte */
    memcpy(s->out + s->used, &word, 4);
    s->used += 4;
    s->bits >>= 32;
    s->count -= 32;
  }
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

uint64_t cpng_flat_deflate(cpng_flat_state *z, const uint8_t *window, uint64_t window_start,
                           uint64_t have, int final) {
  uint64_t pos = z->position;
  const uint64_t row = z->row_bytes;
  /* Every match has MAX_MATCH bytes to look at until the last row. */
  const uint64_t stop = final ? have : (have > MAX_MATCH ? have - MAX_MATCH : 0);
  uint32_t count = z->token_count;
  while (pos < stop && count < CPNG_FLAT_BLOCK_TOKENS) {
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
    /* Else the last place the next four bytes were seen (text, markers), only where the
       cheap candidates found little. */
    if (best < 8 && limit >= 4 && z->hashes) {
      uint32_t word;
      memcpy(&word, p, 4);
      uint32_t h = (word * 2654435761u) >> (32 - CPNG_FLAT_HASH_BITS);
      uint64_t seen = z->table[h];
      z->table[h] = (uint32_t)(pos + 1);
      if (seen > 0) {
        uint64_t j = seen - 1;
        if (j >= window_start && pos - j <= WINDOW && pos - j != row && pos - j != 3) {
          uint32_t n = common(p, window + (j - window_start), limit);
          if (n > best) best = n, distance = (uint32_t)(pos - j);
        }
      }
    }
    if (best >= 4) {
      z->tokens[count++] = 0x80000000u | best << 16 | (distance - 1);
      z->literal_frequency[257 + length_symbol(best)]++;
      z->distance_frequency[distance_symbol(distance)]++;
      pos += best;
    } else {
      z->tokens[count++] = *p;
      z->literal_frequency[*p]++;
      pos += 1;
    }
  }
  z->token_count = count;
  z->position = pos;
  return pos;
}

/* A symbol and its frequency, then its code length (Moffat and Katajainen's in-place
   computation reuses `key`). */
typedef struct {
  uint32_t key;
  uint16_t symbol;
} weighted_symbol;

static int by_key(const void *a, const void *b) {
  const weighted_symbol *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->symbol < y->symbol ? -1 : x->symbol > y->symbol;
}

void cpng_flat_code_lengths(const uint32_t *frequency, int n, int limit, uint8_t *lengths) {
  weighted_symbol list[288];
  int used = 0;
  for (int i = 0; i < n; i++) {
    lengths[i] = 0;
    if (frequency[i] > 0) list[used++] = (weighted_symbol){frequency[i], (uint16_t)i};
  }
  for (int i = 0; used < 2 && i < n; i++) {
    if (frequency[i] == 0) list[used++] = (weighted_symbol){1, (uint16_t)i};
  }
  qsort(list, (size_t)used, sizeof list[0], by_key);
  /* Code lengths of an optimal code, in place: the list (in ascending frequency) first holds
     the internal nodes' weights and parents, then the depths (Moffat and Katajainen, 1995). */
  list[0].key += list[1].key;
  int root = 0, leaf = 2;
  for (int next = 1; next < used - 1; next++) {
    if (leaf >= used || list[root].key < list[leaf].key) {
      list[next].key = list[root].key;
      list[root++].key = (uint32_t)next;
    } else {
      list[next].key = list[leaf++].key;
    }
    if (leaf >= used || (root < next && list[root].key < list[leaf].key)) {
      list[next].key += list[root].key;
      list[root++].key = (uint32_t)next;
    } else {
      list[next].key += list[leaf++].key;
    }
  }
  list[used - 2].key = 0;
  for (int next = used - 3; next >= 0; next--) list[next].key = list[list[next].key].key + 1;
  int available = 1, taken = 0, depth = 0;
  root = used - 2;
  int next = used - 1;
  while (available > 0) {
    while (root >= 0 && (int)list[root].key == depth) taken++, root--;
    while (available > taken) list[next--].key = (uint32_t)depth, available--;
    available = 2 * taken;
    depth++;
    taken = 0;
  }
  /* Codes past the limit moved up to it, then the Kraft sum brought back to one: each step
     drops a code of the longest length and splits a shorter one. */
  int per_length[16] = {0};
  for (int i = 0; i < used; i++) per_length[list[i].key > (uint32_t)limit ? limit : list[i].key]++;
  uint32_t total = 0;
  for (int length = 1; length <= limit; length++) {
    total += (uint32_t)per_length[length] << (limit - length);
  }
  while (total != 1u << limit) {
    per_length[limit]--;
    for (int length = limit - 1; length > 0; length--) {
      if (per_length[length] > 0) {
        per_length[length]--;
        per_length[length + 1] += 2;
        break;
      }
    }
    total--;
  }
  /* The longest codes to the rarest symbols (the list is in ascending frequency). */
  int at = 0;
  for (int length = limit; length >= 1; length--) {
    for (int k = 0; k < per_length[length]; k++) lengths[list[at++].symbol] = (uint8_t)length;
  }
}

/* The canonical codes of `lengths` (RFC 1951 § 3.2.2), bit-reversed for the bit writer. */
static void canonical_codes(const uint8_t *lengths, int n, uint16_t *codes) {
  int count[16] = {0};
  for (int i = 0; i < n; i++) count[lengths[i]]++;
  count[0] = 0;
  uint32_t next[16];
  uint32_t code = 0;
  for (int length = 1; length < 16; length++) {
    code = (code + (uint32_t)count[length - 1]) << 1;
    next[length] = code;
  }
  for (int i = 0; i < n; i++) {
    int length = lengths[i];
    if (length == 0) continue;
    uint32_t c = next[length]++, r = 0;
    for (int b = 0; b < length; b++) r |= ((c >> b) & 1u) << (length - 1 - b);
    codes[i] = (uint16_t)r;
  }
}

void cpng_flat_write_block(cpng_flat_state *z, cpng_flat_sink *s, int last) {
  z->literal_frequency[256] = 1; /* the end of the block */
  uint8_t literal_lengths[286], distance_lengths[30];
  uint16_t literal_codes[286] = {0}, distance_codes[30] = {0};
  cpng_flat_code_lengths(z->literal_frequency, 286, 15, literal_lengths);
  cpng_flat_code_lengths(z->distance_frequency, 30, 15, distance_lengths);
  canonical_codes(literal_lengths, 286, literal_codes);
  canonical_codes(distance_lengths, 30, distance_codes);
  int literals = 286, distances = 30;
  while (literals > 257 && literal_lengths[literals - 1] == 0) literals--;
  while (distances > 1 && distance_lengths[distances - 1] == 0) distances--;

  /* Both codes' lengths as one sequence, runs written as 16 (the previous length 3–6
     times), 17 (3–10 zeros) and 18 (11–138 zeros). */
  uint8_t sequence[316];
  memcpy(sequence, literal_lengths, (size_t)literals);
  memcpy(sequence + literals, distance_lengths, (size_t)distances);
  int n = literals + distances;
  uint8_t runs[316][2]; /* symbol, extra value */
  int run_count = 0;
  uint32_t length_frequency[19] = {0};
  for (int i = 0; i < n;) {
    uint8_t v = sequence[i];
    int r = 1;
    while (i + r < n && sequence[i + r] == v) r++;
    i += r;
    if (v == 0) {
      while (r >= 11) {
        int k = r < 138 ? r : 138;
        runs[run_count][0] = 18, runs[run_count++][1] = (uint8_t)(k - 11);
        r -= k;
      }
      if (r >= 3) runs[run_count][0] = 17, runs[run_count++][1] = (uint8_t)(r - 3), r = 0;
    } else {
      runs[run_count][0] = v, runs[run_count++][1] = 0;
      r--;
      while (r >= 3) {
        int k = r < 6 ? r : 6;
        runs[run_count][0] = 16, runs[run_count++][1] = (uint8_t)(k - 3);
        r -= k;
      }
    }
    while (r-- > 0) runs[run_count][0] = v, runs[run_count++][1] = 0;
  }
  for (int i = 0; i < run_count; i++) length_frequency[runs[i][0]]++;
  uint8_t length_lengths[19];
  uint16_t length_codes[19] = {0};
  cpng_flat_code_lengths(length_frequency, 19, 7, length_lengths);
  canonical_codes(length_lengths, 19, length_codes);
  int sent = 19;
  while (sent > 4 && length_lengths[length_code_order[sent - 1]] == 0) sent--;

  cpng_flat_put(s, (uint64_t)(last ? 1 : 0) | 2u << 1, 3); /* BFINAL, BTYPE 10: dynamic */
  cpng_flat_put(s, (uint64_t)(literals - 257) | (uint64_t)(distances - 1) << 5 |
                       (uint64_t)(sent - 4) << 10, 14);
  for (int i = 0; i < sent; i++) cpng_flat_put(s, length_lengths[length_code_order[i]], 3);
  static const uint8_t run_extra[3] = {2, 3, 7};
  for (int i = 0; i < run_count; i++) {
    int symbol = runs[i][0];
    uint64_t bits = length_codes[symbol];
    unsigned count = length_lengths[symbol];
    if (symbol >= 16) bits |= (uint64_t)runs[i][1] << count, count += run_extra[symbol - 16];
    cpng_flat_put(s, bits, count);
  }

  for (uint32_t i = 0; i < z->token_count; i++) {
    uint32_t token = z->tokens[i];
    if (!(token & 0x80000000u)) {
      cpng_flat_put(s, literal_codes[token], literal_lengths[token]);
      continue;
    }
    uint32_t length = (token >> 16) & 0x1ff, distance = (token & 0xffff) + 1;
    int ls = length_symbol(length), ds = distance_symbol(distance);
    uint64_t bits = literal_codes[257 + ls];
    unsigned count = literal_lengths[257 + ls];
    bits |= (uint64_t)(length - length_base[ls]) << count;
    count += length_extra[ls];
    cpng_flat_put(s, bits, count);
    bits = distance_codes[ds];
    count = distance_lengths[ds];
    bits |= (uint64_t)(distance - distance_base[ds]) << count;
    count += distance_extra[ds];
    cpng_flat_put(s, bits, count);
  }
  cpng_flat_put(s, literal_codes[256], literal_lengths[256]);
  /* Whole bytes out now (the rest wait for the next block or the final padding). */
  while (s->count >= 8) {
    s->out[s->used++] = (uint8_t)s->bits;
    s->bits >>= 8;
    s->count -= 8;
  }
  z->token_count = 0;
  memset(z->literal_frequency, 0, sizeof z->literal_frequency);
  memset(z->distance_frequency, 0, sizeof z->distance_frequency);
}
