#ifndef CPOPPLER_SHIM_H
#define CPOPPLER_SHIM_H
#include <glib.h>
#include <glib-object.h>
#include <gio/gio.h>
#include <poppler.h>

/* POPPLER_ERROR is a function-like macro, which Swift does not import. */
static inline GQuark cpoppler_error_domain(void) { return POPPLER_ERROR; }
#endif
