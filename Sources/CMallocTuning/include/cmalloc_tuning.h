#ifndef CMALLOC_TUNING_H
#define CMALLOC_TUNING_H

/// Caps glibc's malloc arenas (one per contending thread by default, each keeping what its
/// thread freed). Returns 1 when set, 0 when refused or not glibc.
int cmalloc_limit_arenas(int arenas);

#endif
