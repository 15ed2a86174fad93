#ifndef CMALLOC_TUNING_H
#define CMALLOC_TUNING_H

/// Caps glibc's malloc arenas (one per contending thread by default, each keeping what its
/// thread freed). Returns 1 when set, 0 when refused or not glibc.
int cmalloc_limit_arenas(int arenas);

/// Fixes the size from which glibc's malloc maps a block of its own, returned to the system
/// when freed (by default the size rises to the largest block freed so far, after which big
/// blocks stay in the heap once freed). Returns 1 when set, 0 when refused or not glibc.
int cmalloc_fix_mmap_threshold(int bytes);

/// Fixes how much free memory at the top of glibc's heap is kept rather than given back (128 KB
/// by default once the mmap threshold is fixed). Returns 1 when set, 0 when refused or not
/// glibc.
int cmalloc_fix_trim_threshold(int bytes);

#endif
