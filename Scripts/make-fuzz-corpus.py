#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus to Tests/Fuzz/corpus/<target>/ from samples/ and
small documents made here. Deterministic: the same files every run.

    python3 Scripts/make-fuzz-corpus.py

fuzz-docx      whole .docx files: the sample, and minimal packages (numbering,
               a table, a footnote, tracked changes, Strict namespaces, ZIP64
               records, data descriptors).
fuzz-docx-xml  main parts (word/document.xml) alone.
fuzz-text,     text and Markdown, each prefixed with one byte that picks the
fuzz-segment   file name (even: .txt, odd: .md).
"""
import os
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fuzz", "corpus")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = R + "/"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

def rels(items):
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">' % PKG
            + "".join('<Relationship Id="%s" Type="%s%s" Target="%s"/>' % (i, REL, t, target) for i, t, target in items)
            + "</Relationships>")

def document(body, ns=W):
    return '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s</w:body></w:document>' % (ns, R, body)

def p(text, ppr=""):
    return "<w:p>%s<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", text)

NUMPR = '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr>'
NUMBERING = ('<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0">' % W
             + '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
             + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
             + '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
             + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
STYLES = ('<w:styles xmlns:w="%s"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
          '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>' % W)
FOOTNOTES = ('<w:footnotes xmlns:w="%s"><w:footnote w:id="1"><w:p><w:r><w:t>As defined in 45 C.F.R. 160.103.</w:t>'
             '</w:r></w:p></w:footnote></w:footnotes>' % W)

BODIES = {
    "plain": p("Business Associate shall not use PHI to train any model."),
    "numbered": "".join([
        p("Obligations", NUMPR % 0 + '<w:pStyle w:val="Heading1"/>'),
        p("Vendor shall notify Customer within 72 hours of a Breach.", NUMPR % 1),
        p("including the identity of each Individual;", NUMPR % 2),
        p("Vendor shall not sell PHI.", NUMPR % 1),
    ]),
    "table": "<w:tbl><w:tr><w:tc>%s</w:tc><w:tc>%s</w:tc></w:tr><w:tr><w:tc>%s</w:tc><w:tc>%s</w:tc></w:tr></w:tbl>" % (
        p("Subprocessor"), p("Location"), p("Cloud Host, Inc."), p("United States")),
    "tracked": '<w:p><w:r><w:t>within </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>thirty (30)</w:delText></w:r></w:del>'
               '<w:ins w:id="2" w:author="A"><w:r><w:t>ten (10)</w:t></w:r></w:ins><w:r><w:t> days</w:t></w:r></w:p>',
    "footnote": '<w:p><w:r><w:t>Protected Health Information</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
    "fields": '<w:p><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:sdt><w:sdtContent><w:r><w:t>Vendor</w:t></w:r></w:sdtContent></w:sdt></w:p>',
}

def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

class Unseekable:
    """A stream zipfile cannot seek back in, so that it writes data descriptors."""
    def __init__(self):
        self.data = bytearray()
    def write(self, b):
        self.data += b
        return len(b)
    def tell(self):
        return len(self.data)
    def flush(self):
        pass

def docx(body, ns=W, zip64=False, descriptors=False):
    import io
    buf = Unseekable() if descriptors else io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        def add(name, text):
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            if zip64 or descriptors:
                with z.open(info, "w", force_zip64=zip64) as f:
                    f.write(text.encode("utf-8"))
            else:
                z.writestr(info, text)
        add("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        add("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml")]))
        add("word/document.xml", document(body, ns))
        add("word/_rels/document.xml.rels", rels([("rId2", "numbering", "numbering.xml"), ("rId3", "styles", "styles.xml"),
                                                 ("rId4", "footnotes", "footnotes.xml")]))
        add("word/numbering.xml", NUMBERING)
        add("word/styles.xml", STYLES)
        add("word/footnotes.xml", FOOTNOTES)
    return bytes(buf.data) if descriptors else buf.getvalue()

def main():
    with open(os.path.join(ROOT, "samples", "acme-scribe-baa.docx"), "rb") as f:
        write("fuzz-docx", "sample.docx", f.read())
    with zipfile.ZipFile(os.path.join(ROOT, "samples", "acme-scribe-baa.docx")) as z:
        write("fuzz-docx-xml", "sample-document.xml", z.read("word/document.xml"))
    for name, body in sorted(BODIES.items()):
        write("fuzz-docx", name + ".docx", docx(body))
        write("fuzz-docx-xml", name + ".xml", document(body))
    write("fuzz-docx", "strict.docx", docx(BODIES["numbered"], "http://purl.oclc.org/ooxml/wordprocessingml/main"))
    write("fuzz-docx", "zip64.docx", docx(BODIES["numbered"], zip64=True))
    write("fuzz-docx", "data-descriptors.docx", docx(BODIES["numbered"], descriptors=True))
    texts = {
        "sample-txt": b"\x00" + open(os.path.join(ROOT, "samples", "acme-scribe-baa.txt"), "rb").read(),
        "sample-md": b"\x01" + open(os.path.join(ROOT, "samples", "bluepeak-chat-addendum.md"), "rb").read(),
        "clauses": b"\x00" + ("This Agreement is made between Lakeside Clinic (\"Customer\") and Northwind, Inc. (\"Vendor\").\n\n"
                              "ARTICLE I\nDEFINITIONS\n\nSection 1.01 \"PHI\" means Protected Health Information.\n"
                              "(a) as set forth in Section 1.01;\n(i) first\n(ii) second\n\n"
                              "2. Notice. Vendor shall notify Customer within ten (10) days.\n2.1 Subject to Section 2.\n").encode(),
        "markdown": b"\x01" + ("# Addendum\n\n## 1. Training\n\n1. **Vendor** shall *not* train.\n   - nested item\n\n"
                               "> quoted 2.1 text\n\n| Name | Region |\n|---|---|\n| Host | US |\n\n```\ncode 3.\n```\n").encode(),
        "utf16": b"\x00" + "\ufeff1. Vendor shall comply.\n".encode("utf-16-le"),
        "invalid-utf8": b"\x00" + b"1. Vendor \xff\xfe shall \xc3 comply.\n",
    }
    for name, data in sorted(texts.items()):
        write("fuzz-text", name, data)
        write("fuzz-segment", name, data)

if __name__ == "__main__":
    main()
