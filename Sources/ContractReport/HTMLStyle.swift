/// The inline stylesheet of the HTML checklist and memo: system fonts only, no
/// external resources, colours that survive printing, and print rules that keep
/// a quote or a requested clause on one page.
enum HTMLStyle {
    static let base = """
        :root {
          --ink: #1c2330; --muted: #5b6472; --rule: #d9dee6; --paper: #ffffff; --wash: #f5f7fa;
          --met: #0f7a3e; --met-bg: #e5f4eb; --partial: #8a5a00; --partial-bg: #fdf1d6;
          --conflict: #b3261e; --conflict-bg: #fbe4e2; --missing: #9a3c00; --missing-bg: #fde8da;
          --accent: #1f4e8c; --mark: #ffe27a;
        }
        * { box-sizing: border-box; }
        html { background: var(--wash); }
        body {
          margin: 0 auto; max-width: 60rem; padding: 2rem 2.5rem 3rem; background: var(--paper); color: var(--ink);
          font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
          -webkit-print-color-adjust: exact; print-color-adjust: exact;
        }
        h1, h2, h3, h4 { line-height: 1.25; margin: 0; break-after: avoid; page-break-after: avoid; }
        h1 { font-size: 1.9rem; margin: 0.2rem 0 0.4rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.1rem; }
        h4 { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 1rem 0 0.3rem; }
        p { margin: 0.4rem 0; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        code { font: 0.85em/1.3 "DejaVu Sans Mono", Menlo, Consolas, monospace; color: var(--muted); }
        mark { background: var(--mark); color: inherit; padding: 0 0.1em; border-radius: 2px; }
        .kicker { text-transform: uppercase; letter-spacing: 0.12em; font-size: 0.75rem; color: var(--muted); margin: 0; }
        .doc { color: var(--muted); margin: 0; overflow-wrap: anywhere; }
        .masthead { border-bottom: 1px solid var(--rule); padding-bottom: 1rem; }
        .verdict {
          font-size: 1.15rem; font-weight: 600; margin: 1.2rem 0; padding: 0.8rem 1rem; border-left: 6px solid;
          border-radius: 4px;
        }
        .verdict-block { color: var(--conflict); background: var(--conflict-bg); border-color: var(--conflict); }
        .verdict-negotiate { color: var(--partial); background: var(--partial-bg); border-color: var(--partial); }
        .verdict-clear { color: var(--met); background: var(--met-bg); border-color: var(--met); }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.55rem; border-bottom: 1px solid var(--rule); }
        thead th {
          font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted);
          border-bottom: 2px solid var(--ink);
        }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .badge {
          display: inline-block; font-size: 0.72rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em;
          padding: 0.12rem 0.5rem; border-radius: 999px; white-space: nowrap;
        }
        .status-met { color: var(--met); background: var(--met-bg); }
        .status-partial { color: var(--partial); background: var(--partial-bg); }
        .status-conflict { color: var(--conflict); background: var(--conflict-bg); }
        .status-missing { color: var(--missing); background: var(--missing-bg); }
        .severity { font-size: 0.85em; color: var(--muted); white-space: nowrap; }
        .severity-critical { color: var(--conflict); font-weight: 700; }
        .severity-high { color: var(--missing); font-weight: 600; }
        blockquote {
          margin: 0.4rem 0 0.6rem; padding: 0.5rem 0.9rem; border-left: 3px solid var(--rule); background: var(--wash);
          font-family: Georgia, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 0.95rem;
          break-inside: avoid; page-break-inside: avoid;
        }
        blockquote .cite { font-family: inherit; font-size: 0.8rem; font-weight: 700; color: var(--muted); margin: 0 0 0.2rem; }
        blockquote p { margin: 0.2rem 0; }
        .ask {
          margin: 0.6rem 0; padding: 0.6rem 0.9rem; border: 1px solid var(--rule); border-radius: 4px;
          break-inside: avoid; page-break-inside: avoid;
        }
        .ask h4:first-child { margin-top: 0.2rem; }
        .ask p { font-family: Georgia, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; }
        .muted, .none { color: var(--muted); }
        .facts th { width: 11rem; font-weight: 600; color: var(--muted); }
        .facts td { overflow-wrap: anywhere; font-size: 0.9rem; }
        footer { margin-top: 2.5rem; font-size: 0.9rem; }
        @page { size: letter; margin: 16mm 15mm 18mm; }
        @media print {
          html { background: none; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2 { margin-top: 1.2rem; }
          a { color: inherit; }
        }
        """

    /// Rules of the checklist page only.
    static let checklist = """
        .tiles { display: flex; gap: 0.6rem; margin: 0.8rem 0 1rem; }
        .tile { flex: 1; padding: 0.6rem 0.8rem; border-radius: 6px; }
        .tile .n { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.1; }
        .tile .l { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; font-weight: 600; }
        .matrix { width: auto; min-width: 26rem; font-size: 0.9rem; }
        .matrix td, .matrix th { text-align: center; padding: 0.3rem 0.9rem; }
        .matrix th[scope="row"] { text-align: left; }
        .matrix td.zero { color: var(--rule); }
        .matrix caption { text-align: left; caption-side: top; padding: 0 0 0.3rem; font-size: 0.85rem; }
        .checklist { table-layout: fixed; }
        .checklist col.n { width: 1.7rem; }
        .checklist col.provision { width: 21%; }
        .checklist col.severity { width: 4.3rem; }
        .checklist col.status { width: 5.6rem; }
        .checklist col.clause { width: 6.2rem; }
        .checklist .clause span { white-space: nowrap; }
        .checklist td:first-child { color: var(--muted); }
        .checklist code { overflow-wrap: anywhere; }
        .checklist .reason { font-size: 0.94em; }
        .checklist .clause { font-size: 0.94em; }
        .finding { border-top: 1px solid var(--rule); padding: 1rem 0 0.6rem; }
        .finding h3 { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
        .finding .meta { color: var(--muted); font-size: 0.85rem; margin: 0.2rem 0 0.4rem; }
        .finding .meta, .finding .reason, .finding .params, .why { break-after: avoid; page-break-after: avoid; }
        .finding .params { font-size: 0.9rem; }
        .why { font-size: 0.9rem; color: var(--muted); }
        @media print {
          .finding { break-inside: auto; }
          .tiles { gap: 0.4rem; }
          .checklist { font-size: 9pt; }
          .checklist th, .checklist td { padding: 0.35rem 0.4rem; }
        }
        """

    /// Rules of the memo only: a letter-like page.
    static let memo = """
        body { font-family: Georgia, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 16px; }
        h1, h2, h3, h4, .kicker, .memo-head th, table, .badge, footer { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
        .memo-head { width: auto; margin: 0.6rem 0 1rem; }
        .memo-head th { color: var(--muted); font-weight: 600; padding: 0.15rem 1.2rem 0.15rem 0; border: 0; }
        .memo-head td { padding: 0.15rem 0; border: 0; }
        .gaps { font-size: 0.9rem; margin: 0.6rem 0 1rem; }
        ol.blockers li { margin: 0.25rem 0; }
        .gap { padding-top: 0.4rem; }
        #summary h3 { margin: 1.3rem 0 0.4rem; }
        .gap h3 { margin-top: 1.4rem; }
        .gap .meta { break-after: avoid; page-break-after: avoid; }
        .gap .meta { color: var(--muted); font-size: 0.85rem; font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
        """
}
