#!/usr/bin/env python3
"""Regenerates the PDF test fixtures in Tests/ContractIngestTests/Fixtures/pdf/.

Needs: python3, LibreOffice (soffice) with hyphen-en-us, qpdf.

    python3 Scripts/make-pdf-fixtures.py

Writes:
  contract.pdf        4-page contract: numbered clauses (1., 1.1, (a)), justified and
                      hyphenated text in a narrow column, running header,
                      "Page N of M" footer, a footnote.
  contract-truth.txt  the paragraphs as written (label TAB text), one a line.
  encrypted.pdf       contract.pdf, AES-256, user password "secret".
  owner-only.pdf      contract.pdf, AES-256, empty user password, owner password "owner".
  scanned.pdf         one page holding only an image (hand-written PDF bytes).
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "ContractIngestTests", "Fixtures", "pdf")

HEADER = "Business Associate Agreement \u2013 Confidential"

# (kind, label, text); kind: h = heading, p = numbered paragraph, i = list item, t = plain text
CLAUSES = [
    ("h", "1.", "Definitions"),
    ("p", "1.1", "Capitalised terms used but not otherwise defined in this Agreement have the meanings "
     "given to them in the HIPAA Rules, including Breach, Designated Record Set, Individual, "
     "Minimum Necessary, Protected Health Information, Security Incident, Subcontractor and "
     "Unsecured Protected Health Information."),
    ("p", "1.2", "\u201cCovered Entity\u201d means Riverside Community Hospital, a nonprofit corporation"
     "[[1]], together with its affiliated organisations and departments."),
    ("p", "1.3", "\u201cBusiness Associate\u201d means Northwind Transcription Services, including its "
     "employees, representatives and authorised subcontractors performing administrative functions."),
    ("h", "2.", "Obligations of Business Associate"),
    ("p", "2.1", "Business Associate shall not use or disclose Protected Health Information other than "
     "as permitted or required by this Agreement or as required by law, and shall implement "
     "administrative, physical and technical safeguards that reasonably and appropriately protect "
     "the confidentiality, integrity and availability of electronic Protected Health Information."),
    ("p", "2.2", "Business Associate shall report to Covered Entity any use or disclosure not provided "
     "for by this Agreement of which it becomes aware, including breaches of Unsecured Protected "
     "Health Information, without unreasonable delay and in no case later than the following "
     "periods:"),
    ("i", "(a)", "for a Breach of Unsecured Protected Health Information, within five business days "
     "after discovery, together with the identification of each affected Individual;"),
    ("i", "(b)", "for a Security Incident that results in unauthorised access, within ten business "
     "days after discovery, with a description of the incident and the remediation undertaken;"),
    ("i", "(c)", "for an unsuccessful attempt of no material consequence, such as pings and other "
     "broadcast attacks on firewalls, upon written request of Covered Entity."),
    ("p", "2.3", "Business Associate shall ensure that any subcontractor that creates, receives, "
     "maintains or transmits Protected Health Information on behalf of Business Associate agrees "
     "in writing to the same restrictions, conditions and requirements that apply to Business "
     "Associate, including the implementation of reasonable and appropriate safeguards."),
    ("p", "2.4", "Business Associate shall make available Protected Health Information in a Designated "
     "Record Set to the extent required for Covered Entity to meet its obligations under 45 CFR "
     "164.524, and shall make its internal practices, books and records available to the "
     "Secretary for purposes of determining compliance with the HIPAA Rules."),
    ("h", "3.", "Term and Termination"),
    ("p", "3.1", "This Agreement takes effect on the Effective Date and continues until all Protected "
     "Health Information is destroyed or returned to Covered Entity, unless terminated earlier "
     "under this section."),
    ("p", "3.2", "Covered Entity may terminate this Agreement immediately by written notice if it "
     "determines that Business Associate has violated a material term, including any of the "
     "following:"),
    ("i", "(a)", "the insolvency, administration or liquidation of Business Associate, or any analogous "
     "proceeding in any jurisdiction;"),
    ("i", "(b)", "a repeated failure to implement the administrative safeguards required by this "
     "Agreement, notwithstanding written notice and a reasonable opportunity to cure;"),
    ("i", "(c)", "any non-compliance with the Minimum Necessary standard that is not remedied within "
     "thirty days of notice."),
    ("p", "3.3", "Upon termination, Business Associate shall return or destroy all Protected Health "
     "Information received from Covered Entity, and shall retain no copies. Where return or "
     "destruction is infeasible, Business Associate shall extend the protections of this Agreement "
     "to that information and limit further uses and disclosures to those purposes that make the "
     "return or destruction infeasible."),
    ("h", "4.", "Miscellaneous"),
    ("p", "4.1", "Any ambiguity in this Agreement shall be resolved to permit compliance with the HIPAA "
     "Rules. Pre-paid fees are not refundable on termination, and the indemnification obligations "
     "of Business Associate survive the termination of this Agreement."),
    ("p", "4.2", "This Agreement shall be governed by the laws of the State of Oregon, without regard "
     "to its conflict-of-laws principles. Nothing in this Agreement confers upon any person other "
     "than the parties any rights, remedies, obligations or liabilities whatsoever."),
    ("p", "4.3", "This Agreement may be executed in counterparts, each of which is an original and all "
     "of which together constitute one and the same instrument. Counterparts may be delivered by "
     "electronic transmission, and an electronically transmitted signature has the same "
     "effect as an original signature."),
    ("t", "", "IN WITNESS WHEREOF, the parties have executed this Agreement as of the Effective Date."),
]

FOOTNOTE = "Registered in the State of Oregon under number 123456."


def para_xml(kind, label, text):
    def inline(t):
        # [[1]] marks the footnote
        parts = t.split("[[1]]")
        out = escape(parts[0])
        if len(parts) > 1:
            out += ('<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1'
                    '</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                    + escape(FOOTNOTE) + '</text:p></text:note-body></text:note>' + escape(parts[1]))
        return out
    if kind == "h":
        return f'<text:p text:style-name="Heading">{escape(label)}<text:tab/>{inline(text)}</text:p>'
    if kind == "p":
        return f'<text:p text:style-name="Clause">{escape(label)}<text:tab/>{inline(text)}</text:p>'
    if kind == "i":
        return f'<text:p text:style-name="Item">{escape(label)}<text:tab/>{inline(text)}</text:p>'
    return f'<text:p text:style-name="Clause">{inline(text)}</text:p>'


def fodt():
    body = "\n".join(para_xml(*c) for c in CLAUSES)
    title = '<text:p text:style-name="Title">Business Associate Agreement</text:p>'
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="en" fo:country="US"
     fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
   <style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always">
    <style:tab-stops><style:tab-stop style:position="0.8cm"/></style:tab-stops>
   </style:paragraph-properties>
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Clause" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm">
    <style:tab-stops><style:tab-stop style:position="0.8cm"/></style:tab-stops>
   </style:paragraph-properties>
  </style:style>
  <style:style style:name="Item" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:margin-left="1.6cm" fo:text-indent="-0.8cm" fo:margin-bottom="0.2cm">
    <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>
   </style:paragraph-properties>
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph">
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="HeaderP" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="9pt" fo:hyphenate="false"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="14cm" fo:page-height="21cm" fo:margin-top="1.2cm"
     fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="HeaderP">{escape(HEADER)}</text:p></style:header>
   <style:footer><text:p text:style-name="HeaderP">Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
{title}
{body}
 </office:text></office:body>
</office:document>
'''


def scanned_pdf():
    """A one-page PDF whose only content is a 2x2 grey image."""
    img = bytes([0x40, 0x80, 0xC0, 0xFF])
    content = b"q 400 0 0 500 100 150 cm /Im1 Do Q\n"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n"
        + img + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def main():
    for tool in ("soffice", "qpdf"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not found")
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "contract.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fodt())
        env = dict(os.environ, HOME=tmp)  # private LibreOffice profile
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        pdf = os.path.join(tmp, "contract.pdf")
        # strip the volatile creation date and id so reruns give stable bytes
        subprocess.run(["qpdf", "--deterministic-id",
                        pdf, os.path.join(OUT, "contract.pdf")], check=True)
    contract = os.path.join(OUT, "contract.pdf")
    subprocess.run(["qpdf", "--encrypt", "secret", "owner-pw", "256", "--",
                    contract, os.path.join(OUT, "encrypted.pdf")], check=True)
    subprocess.run(["qpdf", "--encrypt", "", "owner", "256",
                    "--print=none", "--modify=none", "--extract=n", "--", contract,
                    os.path.join(OUT, "owner-only.pdf")], check=True)
    with open(os.path.join(OUT, "scanned.pdf"), "wb") as f:
        f.write(scanned_pdf())
    with open(os.path.join(OUT, "contract-truth.txt"), "w", encoding="utf-8") as f:
        f.write("\tBusiness Associate Agreement\n")
        for kind, label, text in CLAUSES:
            f.write(label + "\t" + text.replace("[[1]]", "1") + "\n")
    for name in sorted(os.listdir(OUT)):
        print(f"{name}: {os.path.getsize(os.path.join(OUT, name))} bytes")


if __name__ == "__main__":
    main()
