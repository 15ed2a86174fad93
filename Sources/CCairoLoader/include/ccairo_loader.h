#ifndef CCAIRO_LOADER_H
#define CCAIRO_LOADER_H
#include <stddef.h>

/* Lumen does not link cairo: with pixman, fontconfig, freetype and the X11 libraries behind it,
   it cost ~1 ms at every process start, also for the commands that never draw. This target
   defines the cairo functions Lumen calls as small trampolines into libcairo.so.2, opened with
   dlopen on first use. Their definitions are hidden: nothing else in the process binds to them
   (cairo's own calls between its functions included). */

/* Opens libcairo and resolves every function, once (thread-safe). Returns 0 on success;
   otherwise non-zero and, when message is not NULL, writes the reason (the dlopen or dlsym
   error) into it. Later calls return the first call's result. */
int ccairo_load(char *message, size_t message_size);

#endif
