#ifndef CPNG_FLAT_DEFLATE_H
#define CPNG_FLAT_DEFLATE_H
#include <stddef.h>
#include <stdint.h>

/* A deflate encoder (RFC 1951) for the rows of flat graphics: charts, maps, swatches. At each
   byte it tries the row above and the pixel before (a chart's flat areas and straight edges,
   found by comparing eight bytes at a time), and where those find little, the last place the
   next four bytes were seen (text and markers); greedy, one block of the fixed Huffman code.
   On an analysis' twelve charts it takes a fifth of zlib level 1's time for 10 % more bytes.
   Private to cpng_writer.c. */

#define CPNG_FLAT_HASH_BITS 14

typedef struct {
  uint32_t bits;
  uint8_t count;
} cpng_flat_code;

typedef struct {
  cpng_flat_code literal[288];
  cpng_flat_code length[259]; /* a length's symbol and extra bits (3 … 258) */
  cpng_flat_code distance_code[30];
} cpng_flat_tables;

/* The compressed bytes: `out` holds `used` of them; the encoder stops once `used` reaches
   `room` (the caller leaves a few bytes past it: a token is at most four). */
typedef struct {
  uint8_t *out;
  size_t used;
  size_t room;
  uint64_t bits;
  unsigned count;
  uint32_t last_distance;
  int last_symbol;
} cpng_flat_sink;

/* Where the encoder is in the stream (positions count from the stream's first byte), the
   stride of its rows, and the last position of each hashed four bytes plus one (0: none). */
typedef struct {
  uint64_t position;
  uint64_t row_bytes;
  uint64_t table[1u << CPNG_FLAT_HASH_BITS];
} cpng_flat_state;

void cpng_flat_tables_init(cpng_flat_tables *tables);

/* Appends `count` (≤ 32) bits to the sink, least significant first. */
void cpng_flat_put(cpng_flat_sink *sink, uint64_t bits, unsigned count);

/* Encodes from the state's position towards `have` (the stream's bytes [window_start, have)
   are at `window`, with at least 32 KB before the position unless the stream is shorter):
   up to MAX_MATCH bytes before `have` unless `final`, and no further once the sink's room is
   used. Returns the new position. */
uint64_t cpng_flat_deflate(cpng_flat_state *state, const cpng_flat_tables *tables,
                           cpng_flat_sink *sink, const uint8_t *window, uint64_t window_start,
                           uint64_t have, int final);

#endif
