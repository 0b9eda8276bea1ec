import ContractModel
import ContractReport

/// `portfolio.html`: the matrix as one self-contained page (inline style, no
/// external files): colored status cells, totals per provision, a link to each
/// contract's report, and columns that sort when clicked (a small inline script;
/// without scripts the page is a plain table).
public enum MatrixHTML {
    public static func render(_ matrix: PortfolioMatrix) -> String {
        let contracts = matrix.rows.reduce(0) { $0 + 1 + $1.earlier.count }
        var h = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Portfolio review: \(matrix.rows.count) vendor\(matrix.rows.count == 1 ? "" : "s")</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>Portfolio review</h1>

            """
        h += "<p>\(matrix.rows.count) vendor\(matrix.rows.count == 1 ? "" : "s") (\(contracts) contract\(contracts == 1 ? "" : "s")) "
        h += "checked against clause library \(HTML.escape(matrix.caption.libraryVersion)) "
        h += "(<code>\(HTML.escape(String(matrix.caption.libraryHash.prefix(12))))</code>), policy "
        h += "<code>\(HTML.escape(String(matrix.caption.policyHash.prefix(12))))</code>. Each row is a vendor's current contract; "
        h += "earlier versions are listed under it. Click a column heading to sort.</p>\n"
        if !matrix.failures.isEmpty {
            h += "<p class=\"warn\">\(matrix.failures.count) file\(matrix.failures.count == 1 ? "" : "s") could not be read: "
            h += "see <a href=\"#failures\">below</a> and <a href=\"failures.csv\">failures.csv</a>.</p>\n"
        }
        h += "<p class=\"legend\"><span class=\"s-met\">met</span> <span class=\"s-partial\">partial</span> "
        h += "<span class=\"s-missing\">missing</span> <span class=\"s-conflict\">conflict</span></p>\n"
        h += table(matrix)
        h += "<h2>Gaps per provision</h2>\n<table class=\"totals\">\n<thead><tr><th>Provision</th><th>Severity</th>"
        h += "<th>Vendors</th></tr></thead>\n<tbody>\n"
        for column in matrix.columns {
            h += "<tr><td>\(HTML.escape(column.title)) <code>\(HTML.escape(column.id))</code></td><td>\(HTML.escape(column.severity))</td>"
            h += "<td>\(HTML.escape(matrix.totalsSentence(column)))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n"
        if !matrix.failures.isEmpty {
            h += "<h2 id=\"failures\">Files that could not be read</h2>\n<ul>\n"
            for f in matrix.failures {
                h += "<li><code>\(HTML.escape(f.path))</code>: \(HTML.escape(f.message)) <small>(\(HTML.escape(f.code)))</small></li>\n"
            }
            h += "</ul>\n"
        }
        h += "<script>\(script)</script>\n</body>\n</html>\n"
        return h
    }

    static func table(_ matrix: PortfolioMatrix) -> String {
        var h = "<table class=\"matrix\">\n<thead><tr><th data-type=\"text\">Vendor</th><th data-type=\"text\">Contract</th>"
        h += "<th data-type=\"number\" data-first=\"desc\" title=\"Provisions not met\">Gaps</th>"
        for c in matrix.columns {
            h += "<th class=\"p\" data-type=\"number\" data-first=\"desc\" title=\"\(HTML.escape(c.title)) (\(HTML.escape(c.severity)))\">"
            h += "<span>\(HTML.escape(c.id))</span></th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        for row in matrix.rows {
            let e = row.current
            let gaps = matrix.columns.filter { (e.cells[$0.id]?.status ?? .met) != .met }.count
            h += "<tr><td data-sort=\"\(HTML.escape(row.vendor.lowercased()))\">\(HTML.escape(row.vendor))</td>"
            h += "<td data-sort=\"\(HTML.escape(e.path.lowercased()))\">\(link(e))"
            if !row.earlier.isEmpty {
                h += "<br><small>earlier: " + row.earlier.map(link).joined(separator: ", ") + "</small>"
            }
            h += "</td><td class=\"n\">\(gaps)</td>"
            for c in matrix.columns {
                guard let cell = e.cells[c.id] else {
                    h += "<td data-sort=\"-1\"></td>"
                    continue
                }
                var tip = cell.status.rawValue
                if !cell.clauses.isEmpty { tip += "; clause " + cell.clauses.joined(separator: ", ") }
                if !cell.parameters.isEmpty {
                    tip += "; " + cell.parameters.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
                }
                h += "<td class=\"s-\(cell.status.rawValue)\" data-sort=\"\(cell.status.rank)\" title=\"\(HTML.escape(tip))\">"
                h += "\(cell.status.rawValue)</td>"
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n<tfoot><tr><th colspan=\"3\">Vendors lacking it (missing or conflict)</th>"
        for c in matrix.columns {
            let t = matrix.totals(c.id)
            let lacking = (t[.missing] ?? 0) + (t[.conflict] ?? 0)
            h += "<td title=\"\(HTML.escape(matrix.totalsSentence(c)))\">\(lacking) of \(matrix.rows.count)</td>"
        }
        h += "</tr></tfoot>\n</table>\n"
        return h
    }

    static func link(_ e: PortfolioEntry) -> String {
        "<a href=\"reports/\(HTML.escape(e.reportName)).\(BatchReports.linkedExtension)\">\(HTML.escape(e.path))</a>"
    }

    static let style = """
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em;color:#1d1d1f}
        h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
        table.matrix th{background:#f4f4f6;position:sticky;top:0}
        table.matrix th.p{vertical-align:bottom;height:11em;white-space:nowrap}
        table.matrix th.p span{writing-mode:vertical-rl;transform:rotate(180deg)}
        table.matrix td{text-align:center;font-size:12px}table.matrix td:nth-child(-n+2){text-align:left;font-size:13px}
        td.n{text-align:right}small{color:#555}code{font-size:12px}
        .s-met{background:#d4efd4}.s-partial{background:#fbe8a6}.s-missing{background:#f5c6c6}
        .s-conflict{background:#d9534f;color:#fff;font-weight:600}
        .legend span{padding:2px 8px;margin-right:4px;border-radius:3px}
        .warn{background:#fff3cd;padding:6px 10px;border-left:4px solid #e0a800}
        th.sortable{cursor:pointer}th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
        """

    static let script = """
        (function(){
        var table=document.querySelector('table.matrix');if(!table)return;
        var heads=table.tHead.rows[0].cells;
        for(var i=0;i<heads.length;i++){(function(th,col){
        th.className+=' sortable';th.tabIndex=0;
        var go=function(){var cur=th.getAttribute('aria-sort');
        var dir=cur?(cur==='ascending'?-1:1):(th.getAttribute('data-first')==='desc'?-1:1);
        for(var j=0;j<heads.length;j++)heads[j].removeAttribute('aria-sort');
        th.setAttribute('aria-sort',dir===1?'ascending':'descending');
        var num=th.getAttribute('data-type')==='number',body=table.tBodies[0];
        var rows=Array.prototype.slice.call(body.rows);
        var key=function(r){var c=r.cells[col];var v=c.getAttribute('data-sort');if(v===null)v=c.textContent;return num?parseFloat(v):v;};
        rows.sort(function(a,b){var x=key(a),y=key(b);var c=num?x-y:(x<y?-1:x>y?1:0);
        if(c===0){var p=a.cells[0].getAttribute('data-sort'),q=b.cells[0].getAttribute('data-sort');c=p<q?-1:p>q?1:0;return c;}
        return c*dir;});
        for(var k=0;k<rows.length;k++)body.appendChild(rows[k]);};
        th.addEventListener('click',go);
        th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});
        })(heads[i],i);}
        })();
        """
}
