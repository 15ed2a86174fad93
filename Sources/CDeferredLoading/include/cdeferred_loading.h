#ifndef CDEFERRED_LOADING_H
#define CDEFERRED_LOADING_H
#include <pthread.h>
#include <stddef.h>

/* What CFFmpegLoader and CCairoLoader share: shared libraries opened with dlopen on first use,
   their functions resolved into a table of pointers, once, and the reason kept when it fails. */

/* One function to resolve: from which of the loader's libraries, by name, into which slot. */
typedef struct {
  int library;
  const char *name;
  void **slot;
} cdeferred_symbol;

typedef struct {
  /* What the libraries are, for messages ("FFmpeg", "cairo"). */
  const char *what;
  const char *const *sonames;
  int library_count;
  const cdeferred_symbol *symbols;
  int symbol_count;
  pthread_once_t once;
  int status;         /* 0 once everything resolved */
  char message[512];  /* the dlopen or dlsym error otherwise */
} cdeferred_loader;

/* Opens every library and resolves every symbol (call it through pthread_once). */
void cdeferred_open(cdeferred_loader *loader);

/* Runs `open_once` (a function calling cdeferred_open on this loader) once; returns 0 on
   success, else non-zero with the reason copied into message when it is not NULL. */
int cdeferred_load(cdeferred_loader *loader, void (*open_once)(void), char *message,
                   size_t message_size);

/* The backstop for a trampoline called before a successful load: reports and aborts. */
void cdeferred_require(cdeferred_loader *loader, void (*open_once)(void));

#endif
