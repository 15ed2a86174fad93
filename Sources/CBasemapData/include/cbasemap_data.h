#ifndef CBASEMAP_DATA_H
#define CBASEMAP_DATA_H

#include <stddef.h>

/// The bytes of a basemap compiled into the binary (`data/<name>.lbm`), or NULL for an unknown
/// name; `*count` receives their length.
const unsigned char *cbasemap_data(const char *name, size_t *count);

#endif
