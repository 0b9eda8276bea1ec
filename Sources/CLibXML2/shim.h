#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU and its encoding.h includes <unicode/ucnv.h>,
 * whose UErrorCode clashes with Foundation's own ICU module on clean builds
 * (Swift 6.3.0/6.3.1). libxml2 only uses the converter as an opaque pointer, so
 * keep the system ICU header out and declare the two names it needs. */
#include <stdint.h>
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global variable: not concurrency-safe from Swift 6. */
static inline void cxml_free(void *p) { xmlFree(p); }

/* No network, no entity substitution, no DTD loading or validation, no XInclude,
 * and libxml2's own size and depth limits kept (no XML_PARSE_HUGE). */
static inline int cxml_safe_options(void) {
    return XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
}

static xmlParserInputPtr cxml_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

/* Defence in depth: no external entity or DTD is ever loaded, whatever the options. */
static inline void cxml_install_deny_loader(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(cxml_deny_loader);
}
#endif
