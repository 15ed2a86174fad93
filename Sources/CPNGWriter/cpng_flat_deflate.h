#ifndef CPNG_FLAT_DEFLATE_H
#define CPNG_FLAT_DEFLATE_H
#include <stddef.h>
#include <stdint.h>

/* A deflate encoder (RFC 1951) for the rows of flat graphics: charts, maps, heatmaps. At each
   byte it tries the row above and the pixel before (a chart's flat areas and straight edges,
   compared eight bytes at a time), and where those find little, the last place the next four
   bytes were seen (text and markers); greedy. The matches and literals of up to
   CPNG_FLAT_BLOCK_TOKENS go out as one block with Huffman codes made for them (RFC 1951
   § 3.2.7). Private to cpng_writer.c. */

#define CPNG_FLAT_HASH_BITS 14
#define CPNG_FLAT_BLOCK_TOKENS (1u << 15)

/* The encoder's state: where it is in the stream (positions count from the stream's first
   byte), the stride of its rows, the last position of each hashed four bytes plus one (0:
   none; 32 bits, so the table stays in the caches: a stream of 4 GB or more is not hashed),
   and the block being gathered: its tokens (a literal byte, or a match's length << 16 |
   distance with bit 31 set) and their symbols' frequencies. */
typedef struct {
  uint64_t position;
  uint64_t row_bytes;
  int hashes;
  uint32_t table[1u << CPNG_FLAT_HASH_BITS];
  uint32_t tokens[CPNG_FLAT_BLOCK_TOKENS];
  uint32_t token_count;
  uint32_t literal_frequency[286];
  uint32_t distance_frequency[30];
} cpng_flat_state;

/* The compressed bytes: `out` holds `used` of them and has room for a block of
   CPNG_FLAT_BLOCK_TOKENS tokens past them (CPNG_FLAT_BLOCK_BYTES); bits not yet making a byte
   wait in `bits`. */
typedef struct {
  uint8_t *out;
  size_t used;
  uint64_t bits;
  unsigned count;
} cpng_flat_sink;

/* The most bytes one block takes: 48 bits a token at most, the code tables, the end. */
#define CPNG_FLAT_BLOCK_BYTES (6u * CPNG_FLAT_BLOCK_TOKENS + 1024u)

/* Gathers tokens from the state's position towards `have` (the stream's bytes
   [window_start, have) are at `window`, with at least 32 KB before the position unless the
   stream is shorter): up to 258 bytes before `have` unless `final`, and no further once the
   block is full. Returns the new position. */
uint64_t cpng_flat_deflate(cpng_flat_state *state, const uint8_t *window, uint64_t window_start,
                           uint64_t have, int final);

/* Writes the gathered tokens as one block (`last`: the stream's final block) and empties
   the block. */
void cpng_flat_write_block(cpng_flat_state *state, cpng_flat_sink *sink, int last);

/* Appends `count` (at most 32) bits to the sink, least significant first. */
void cpng_flat_put(cpng_flat_sink *sink, uint64_t bits, unsigned count);

#endif
