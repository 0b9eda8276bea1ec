import Foundation
/// The fixed parts of a .docx package that `DOCXWriter` writes around the
/// body: content types, relationships, styles, numbering, settings, footer
/// and document properties. Every part is a pure function of its input.
enum WordParts {
    static let xmlHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let mainNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func contentTypes(footer: Bool) -> String {
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        var overrides: [(String, String)] = [
            ("/word/document.xml", wml + "document.main+xml"),
            ("/word/styles.xml", wml + "styles+xml"),
            ("/word/numbering.xml", wml + "numbering+xml"),
            ("/word/settings.xml", wml + "settings+xml"),
        ]
        if footer { overrides.append(("/word/footer1.xml", wml + "footer+xml")) }
        overrides += [
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        return xmlHeader
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + overrides.map { #"<Override PartName="\#($0.0)" ContentType="\#($0.1)"/>"# }.joined()
            + "</Types>"
    }

    static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        xmlHeader + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + items.map { #"<Relationship Id="\#($0.id)" Type="\#($0.type)" Target="\#($0.target)"/>"# }.joined()
            + "</Relationships>"
    }

    static var packageRelationships: String {
        relationships([
            ("rId1", relationshipType + "officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", relationshipType + "extended-properties", "docProps/app.xml"),
        ])
    }

    static func documentRelationships(footer: Bool) -> String {
        var items: [(String, String, String)] = [
            ("rId1", relationshipType + "styles", "styles.xml"),
            ("rId2", relationshipType + "numbering", "numbering.xml"),
            ("rId3", relationshipType + "settings", "settings.xml"),
        ]
        if footer { items.append(("rId4", relationshipType + "footer", "footer1.xml")) }
        return relationships(items)
    }

    /// Document properties without dates, so the same document gives the same bytes.
    static func core(title: String?, author: String?, subject: String?) -> String {
        var out = xmlHeader
        out += #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
        out += #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
        out += #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
        if let title { out += "<dc:title>\(WordBodyXML.escape(title))</dc:title>" }
        if let subject { out += "<dc:subject>\(WordBodyXML.escape(subject))</dc:subject>" }
        if let author { out += "<dc:creator>\(WordBodyXML.escape(author))</dc:creator>" }
        return out + "</cp:coreProperties>"
    }

    static func app(generator: String) -> String {
        xmlHeader
            + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
            + "<Application>\(WordBodyXML.escape(generator))</Application></Properties>"
    }

    static var settings: String {
        xmlHeader + #"<w:settings xmlns:w="\#(mainNS)">"#
            + #"<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>"#
            + #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
            + "</w:settings>"
    }

    static func footer(_ runs: [WordRun]) -> String {
        xmlHeader + "<w:ftr \(WordBodyXML.namespaces)>"
            + #"<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>"# + runs.map(WordBodyXML.run).joined() + "</w:p></w:ftr>"
    }

    /// Page size and margins in twips.
    static func section(_ size: WordDocument.PageSize, footer: Bool) -> String {
        let (w, h) = size == .letter ? (12240, 15840) : (11906, 16838)
        return "<w:sectPr>" + (footer ? #"<w:footerReference w:type="default" r:id="rId4"/>"# : "")
            + #"<w:pgSz w:w="\#(w)" w:h="\#(h)"/>"#
            + #"<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>"#
            + #"<w:cols w:space="708"/></w:sectPr>"#
    }

    static func textWidth(_ size: WordDocument.PageSize) -> Int {
        (size == .letter ? 12240 : 11906) - 2 * 1440
    }

    // MARK: numbering

    /// One abstract numbering per list instance, so every list restarts at 1 in Word and LibreOffice alike.
    static func numbering(_ lists: [WordBodyXML.NumberedList]) -> String {
        var out = xmlHeader + #"<w:numbering xmlns:w="\#(mainNS)">"#
        for list in lists {
            out += #"<w:abstractNum w:abstractNumId="\#(list.numId)"><w:multiLevelType w:val="multilevel"/>"#
            for level in 0..<3 { out += self.level(level, kind: list.kind) }
            out += "</w:abstractNum>"
        }
        for list in lists {
            out += #"<w:num w:numId="\#(list.numId)"><w:abstractNumId w:val="\#(list.numId)"/></w:num>"#
        }
        return out + "</w:numbering>"
    }

    private static func level(_ level: Int, kind: WordList.Kind) -> String {
        let format: String
        let text: String
        switch kind {
        case .decimal:
            (format, text) = [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")][level]
        case .legal:
            (format, text) = [("decimal", "%1."), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3")][level]
        case .bullet:
            (format, text) = [("bullet", "\u{2022}"), ("bullet", "\u{2013}"), ("bullet", "\u{00B7}")][level]
        }
        let left = 360 + 360 * level + (kind == .legal ? 360 * level : 0)
        let hanging = kind == .legal ? 360 + 180 * level : 360
        var out = #"<w:lvl w:ilvl="\#(level)"><w:start w:val="1"/><w:numFmt w:val="\#(format)"/>"#
        out += #"<w:lvlText w:val="\#(text)"/><w:lvlJc w:val="left"/>"#
        out += #"<w:pPr><w:ind w:left="\#(left)" w:hanging="\#(hanging)"/></w:pPr>"#
        return out + "</w:lvl>"
    }

    // MARK: styles

    static let accent = "1F4E8C"
    static let ink = "1C2330"
    static let muted = "5B6472"

    static var styles: String {
        var out = xmlHeader + #"<w:styles xmlns:w="\#(mainNS)">"#
        out += "<w:docDefaults><w:rPrDefault><w:rPr>"
        out += #"<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>"#
        out += #"<w:color w:val="\#(ink)"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/>"#
        out += "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        out += #"<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>"#
        out += "</w:pPr></w:pPrDefault></w:docDefaults>"
        out += paragraphStyle("Normal", "Normal", basedOn: nil, isDefault: true, pPr: "", rPr: "")
        out += paragraphStyle(
            "Title", "Title", pPr: #"<w:spacing w:before="0" w:after="60"/>"#,
            rPr: #"<w:b/><w:bCs/><w:color w:val="\#(ink)"/><w:sz w:val="44"/><w:szCs w:val="44"/>"#)
        out += paragraphStyle(
            "Subtitle", "Subtitle", pPr: #"<w:spacing w:before="0" w:after="240"/>"#,
            rPr: #"<w:color w:val="\#(muted)"/><w:sz w:val="26"/><w:szCs w:val="26"/>"#)
        let headings: [(Int, Int, Int, Int)] = [(1, 32, 360, 120), (2, 26, 300, 80), (3, 23, 220, 60)]
        for (level, size, before, after) in headings {
            let border = level == 1
                ? #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="\#(ink)"/></w:pBdr>"# : ""
            out += paragraphStyle(
                "Heading\(level)", "heading \(level)", next: "Normal",
                pPr: #"<w:keepNext/><w:keepLines/>\#(border)<w:spacing w:before="\#(before)" w:after="\#(after)"/><w:outlineLvl w:val="\#(level - 1)"/>"#,
                rPr: #"<w:b/><w:bCs/><w:color w:val="\#(level == 1 ? ink : accent)"/><w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"#)
        }
        out += paragraphStyle(
            "Quote", "Quote", next: "Normal",
            pPr: #"<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="C9CFD8"/></w:pBdr>"#
                + #"<w:shd w:val="clear" w:color="auto" w:fill="F5F7FA"/><w:spacing w:before="60" w:after="120"/><w:ind w:left="400" w:right="360"/>"#,
            rPr: #"<w:rFonts w:ascii="Cambria" w:hAnsi="Cambria" w:cs="Cambria"/><w:color w:val="2B3340"/>"#)
        out += paragraphStyle(
            "BlockText", "Block Text", next: "Normal",
            pPr: #"<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="\#(accent)"/></w:pBdr>"#
                + #"<w:spacing w:before="60" w:after="120"/><w:ind w:left="400" w:right="360"/>"#,
            rPr: #"<w:rFonts w:ascii="Cambria" w:hAnsi="Cambria" w:cs="Cambria"/>"#)
        out += paragraphStyle(
            "Note", "Note", pPr: #"<w:spacing w:after="60"/>"#,
            rPr: #"<w:color w:val="\#(muted)"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#)
        out += paragraphStyle(
            "Footer", "footer", pPr: #"<w:jc w:val="center"/>"#,
            rPr: #"<w:color w:val="\#(muted)"/><w:sz w:val="16"/><w:szCs w:val="16"/>"#)
        out += #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#
        out += #"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#
        out += #"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>"#
        out += #"<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        out += #"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>"#
        out += #"<w:uiPriority w:val="39"/><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>"#
        out += #"<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:tblPr><w:tblBorders>"#
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out += #"<w:\#(side) w:val="single" w:sz="4" w:space="0" w:color="C9CFD8"/>"#
        }
        out += #"</w:tblBorders><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>"#
        out += #"<w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        return out + "</w:styles>"
    }

    private static func paragraphStyle(
        _ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, isDefault: Bool = false,
        pPr: String, rPr: String
    ) -> String {
        var out = #"<w:style w:type="paragraph""# + (isDefault ? #" w:default="1""# : "") + #" w:styleId="\#(id)">"#
        out += #"<w:name w:val="\#(name)"/>"#
        if let basedOn { out += #"<w:basedOn w:val="\#(basedOn)"/>"# }
        if let next { out += #"<w:next w:val="\#(next)"/>"# }
        out += "<w:qFormat/>"
        if !pPr.isEmpty { out += "<w:pPr>\(pPr)</w:pPr>" }
        if !rPr.isEmpty { out += "<w:rPr>\(rPr)</w:rPr>" }
        return out + "</w:style>"
    }
}
