// The bundled basemaps, compiled into the binary with the assembler's .incbin (found through
// the target's header search path `data/`), so an installed or copied `lumen` needs no
// resource folder beside it. After `scripts/make-basemaps` rewrites a .lbm, this file is
// touched so that the build picks the new bytes up.
#include "cbasemap_data.h"

#include <string.h>

#define CBASEMAP_EMBED(symbol, file)                                                   \
  __asm__(".section .rodata\n"                                                         \
          ".balign 16\n"                                                               \
          ".type " #symbol ", @object\n"                                               \
          #symbol ":\n"                                                                \
          ".incbin \"" file "\"\n"                                                     \
          ".type " #symbol "_end, @object\n"                                           \
          #symbol "_end:\n"                                                            \
          ".previous\n");                                                              \
  extern const unsigned char symbol[] __attribute__((visibility("hidden")));           \
  extern const unsigned char symbol##_end[] __attribute__((visibility("hidden")));

CBASEMAP_EMBED(cbasemap_us_states_albers_usa, "us_states_albers_usa.lbm")
CBASEMAP_EMBED(cbasemap_us_states_cb2016_s01, "us_states_cb2016_s01.lbm")
CBASEMAP_EMBED(cbasemap_world_countries_ne110m, "world_countries_ne110m.lbm")

const unsigned char *cbasemap_data(const char *name, size_t *count) {
  struct entry {
    const char *name;
    const unsigned char *start;
    const unsigned char *end;
  };
  const struct entry entries[] = {
      {"us_states_albers_usa", cbasemap_us_states_albers_usa, cbasemap_us_states_albers_usa_end},
      {"us_states_cb2016_s01", cbasemap_us_states_cb2016_s01, cbasemap_us_states_cb2016_s01_end},
      {"world_countries_ne110m", cbasemap_world_countries_ne110m, cbasemap_world_countries_ne110m_end},
  };
  for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++) {
    if (strcmp(entries[i].name, name) == 0) {
      *count = (size_t)(entries[i].end - entries[i].start);
      return entries[i].start;
    }
  }
  *count = 0;
  return NULL;
}
