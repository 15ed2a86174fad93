/* zlib's streaming deflate (Debian: zlib1g-dev, which libpng-dev brings). */
#include <zlib.h>
