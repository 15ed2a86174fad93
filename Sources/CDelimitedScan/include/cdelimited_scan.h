#ifndef CDELIMITED_SCAN_H
#define CDELIMITED_SCAN_H
#include <stddef.h>
#include <stdint.h>

/* The fields of one record of delimited text, found sixteen bytes at a time (SSE2 where the
   compiler targets it, a byte loop elsewhere): the delimiters and line ends of a stretch
   become a bit mask, and each field ends at its next set bit, with no branch per byte. Called
   by Tables' DelimitedTokenizer for each record; the rules are its `simpleRecord`'s. */

enum {
  /* A record: *fields spans written, *record_end is its line end, *next the index after. */
  CDELIMITED_RECORD = 0,
  /* Not a simple record (a blank line, a doubled quote): read it field by field. */
  CDELIMITED_OTHER = 1,
  /* The bytes end before the record does: read more, or at the end of the data read it
     field by field. */
  CDELIMITED_MORE = 2,
  /* More fields than `max_fields`: make room and call again. */
  CDELIMITED_NEEDS_ROOM = 3
};

/* Reads the record at `start` of `bytes[0..<end]`: fields separated by `delimiter`, each
   unquoted (up to the next delimiter or line end) or quoted with no doubled quote (its bytes
   those inside the quotes; anything between the closing quote and the delimiter ignored), up
   to a line end (LF, CR or CRLF). Each field's start and end, relative to `start`, go to
   `spans` (two entries a field, room for `max_fields`). */
int cdelimited_simple_record(const uint8_t *bytes, size_t start, size_t end, uint8_t delimiter,
                             int32_t *spans, size_t max_fields, size_t *fields,
                             size_t *record_end, size_t *next);

#endif
