#ifndef CTURBOJPEG_SHIM_H
#define CTURBOJPEG_SHIM_H
#include <stddef.h>
#include <turbojpeg.h>

/* TJSCALED is a function-like macro the Swift importer drops. */
static inline int cturbojpeg_scaled(int dimension, int numerator, int denominator) {
  return (dimension * numerator + denominator - 1) / denominator;
}
#endif
