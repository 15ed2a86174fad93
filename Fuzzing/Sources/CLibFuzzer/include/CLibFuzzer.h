#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer): parses the libFuzzer flags
// in argv and calls `callback` with each input. SwiftPM defines `main` for an executable
// target as `<Module>_main`, so libFuzzer's own main is never linked; main.swift calls this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
