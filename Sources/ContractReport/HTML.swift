import ContractModel
import Foundation

/// Small helpers for the HTML reports. The output is well-formed XML as well
/// as HTML (every element closed, only the five XML entities), so it can be
/// checked with a strict parser.
package enum HTML {
    /// Text or an attribute value, escaped; characters XML forbids are dropped.
    package static func escape(_ s: String) -> String {
        XMLText.escape(s, apostrophe: "&#39;")
    }

    /// Quoted evidence with the deciding words in `<mark>`.
    static func highlighted(_ evidence: Evidence) -> String {
        Highlighting.pieces(of: evidence).map { $0.highlighted ? "<mark>\(escape($0.text))</mark>" : escape($0.text) }.joined()
    }

    /// One piece of evidence as a quotation: where it stands, then its words with the deciding ones marked.
    static func quotation(_ evidence: Evidence) -> String {
        "<blockquote><p class=\"cite\">\(escape(HTMLReport.cite(evidence)))</p><p>\(highlighted(evidence))</p></blockquote>\n"
    }

    /// An id safe in a fragment link: letters, digits, "-", "_" and "." kept, others as "-".
    static func anchor(_ prefix: String, _ id: String) -> String {
        prefix + "-" + String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
    }

    /// The opening of a page: doctype, head with the title and inline style, and `<body>`.
    static func page(title: String, generator: String, style: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="\(escape(generator))"/>
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>

        """
    }

    static let end = "</body>\n</html>\n"

    /// A table of labelled facts (the provenance block).
    static func facts(_ facts: [(label: String, value: String)]) -> String {
        var out = "<table class=\"facts\">\n<tbody>\n"
        for fact in facts {
            out += "<tr><th scope=\"row\">\(escape(fact.label))</th><td>\(escape(fact.value))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func statusBadge(_ status: Finding.Status) -> String {
        "<span class=\"badge status-\(status.rawValue)\">\(status.rawValue)</span>"
    }

    static func severityTag(_ severity: Finding.Severity) -> String {
        "<span class=\"severity severity-\(severity.rawValue)\">\(severity.rawValue)</span>"
    }
}
