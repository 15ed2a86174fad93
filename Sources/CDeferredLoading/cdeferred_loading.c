#include "cdeferred_loading.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void cdeferred_open(cdeferred_loader *loader) {
  void *handles[8] = {0};
  if (loader->library_count > 8) {
    snprintf(loader->message, sizeof loader->message, "too many libraries for one loader");
    return;
  }
  for (int library = 0; library < loader->library_count; library++) {
    handles[library] = dlopen(loader->sonames[library], RTLD_LAZY | RTLD_LOCAL);
    if (handles[library] == NULL) {
      snprintf(loader->message, sizeof loader->message, "dlopen(%s): %s",
               loader->sonames[library], dlerror());
      return;
    }
  }
  for (int index = 0; index < loader->symbol_count; index++) {
    const cdeferred_symbol *symbol = &loader->symbols[index];
    *symbol->slot = dlsym(handles[symbol->library], symbol->name);
    if (*symbol->slot == NULL) {
      snprintf(loader->message, sizeof loader->message, "dlsym(%s, %s): %s",
               loader->sonames[symbol->library], symbol->name, dlerror());
      return;
    }
  }
  loader->status = 0;
}

int cdeferred_load(cdeferred_loader *loader, void (*open_once)(void), char *message,
                   size_t message_size) {
  pthread_once(&loader->once, open_once);
  if (loader->status != 0 && message != NULL && message_size > 0) {
    snprintf(message, message_size, "%s", loader->message);
  }
  return loader->status;
}

void cdeferred_require(cdeferred_loader *loader, void (*open_once)(void)) {
  if (cdeferred_load(loader, open_once, NULL, 0) != 0) {
    fprintf(stderr, "lumen: %s is not available: %s\n", loader->what, loader->message);
    abort();
  }
}
