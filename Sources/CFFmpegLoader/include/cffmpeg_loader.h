#ifndef CFFMPEG_LOADER_H
#define CFFMPEG_LOADER_H
#include <stddef.h>

/* Lumen does not link FFmpeg: its ~130 shared libraries (every codec Debian builds in) cost
   tens of milliseconds at every process start, also for the commands that never touch video.
   This target defines the FFmpeg functions Lumen calls as small trampolines into libavutil,
   libswscale, libavcodec and libavformat, opened with dlopen on first use (the sonames of the
   headers compiled against, so the ABI matches). Their definitions are hidden: nothing else in
   the process binds to them. */

/* Opens the libraries and resolves every function, once (thread-safe). Returns 0 on success;
   otherwise non-zero and, when message is not NULL, writes the reason (the dlopen or dlsym
   error) into it. Later calls return the first call's result. */
int cffmpeg_load(char *message, size_t message_size);

#endif
