#include "cmalloc_tuning.h"

#include <stdlib.h>  // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int cmalloc_limit_arenas(int arenas) {
#if defined(__GLIBC__)
  return mallopt(M_ARENA_MAX, arenas);
#else
  (void)arenas;
  return 0;
#endif
}

int cmalloc_fix_mmap_threshold(int bytes) {
#if defined(__GLIBC__)
  return mallopt(M_MMAP_THRESHOLD, bytes);
#else
  (void)bytes;
  return 0;
#endif
}

int cmalloc_fix_trim_threshold(int bytes) {
#if defined(__GLIBC__)
  return mallopt(M_TRIM_THRESHOLD, bytes);
#else
  (void)bytes;
  return 0;
#endif
}
