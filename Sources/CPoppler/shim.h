#ifndef CPOPPLER_SHIM_H
#define CPOPPLER_SHIM_H
#include <glib.h>
#include <glib-object.h>
#include <gio/gio.h>
#include <poppler.h>
#include <dlfcn.h>
#ifndef RTLD_DEFAULT
#define RTLD_DEFAULT ((void *) 0)
#endif

/* POPPLER_ERROR is a function-like macro, which Swift does not import. */
static inline GQuark cpoppler_error_domain(void) { return POPPLER_ERROR; }

/* Whether a PDF font name (e.g. "ABCDEF+LiberationSerif-Bold", "Arial,BoldItalic")
   names a bold weight. ASCII, case-insensitive. */
static inline gboolean cpoppler_font_is_bold(const char *name) {
    if (name == NULL) return FALSE;
    static const char *const needles[] = { "bold", "black", "heavy", "demi", "semibold", NULL };
    for (const char *p = name; *p; p++) {
        for (int n = 0; needles[n]; n++) {
            const char *a = p, *b = needles[n];
            while (*a && *b && g_ascii_tolower(*a) == *b) { a++; b++; }
            if (*b == 0) return TRUE;
        }
    }
    return FALSE;
}

static void cpoppler_quiet_error(int category, long long pos, const char *msg) {
    (void)category; (void)pos; (void)msg;
}
static void cpoppler_quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data) {
    (void)domain; (void)level; (void)msg; (void)data;
}

/* Silences poppler's own error printing (syntax warnings on broken files go to
   stderr by default) and the "Poppler" GLib log domain. Poppler's C++
   setErrorCallback is looked up at run time, so a poppler without it is fine.
   Call once, before any document is opened (not thread-safe). */
static inline void cpoppler_silence(void) {
    typedef void (*callback_t)(int, long long, const char *);
    typedef void (*setter_t)(callback_t);
    void *sym = dlsym(RTLD_DEFAULT, "_Z16setErrorCallbackPFv13ErrorCategoryxPKcE");
    if (sym != NULL) ((setter_t)sym)(cpoppler_quiet_error);
    g_log_set_handler("Poppler", (GLogLevelFlags)(G_LOG_LEVEL_MASK & ~G_LOG_LEVEL_ERROR),
                      cpoppler_quiet_log, NULL);
}
#endif
