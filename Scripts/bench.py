#!/usr/bin/env python3
"""Benchmark baa-review's readers against pdftotext and pandoc on the same files (a measurement, not a test).

    python3 Scripts/bench.py [--bin .build/release/baa-review] [--reps 5] [--docs 10]
                             [--workdir DIR] [--compose N] [--strict]

(a) PDF: `baa-review extract --format text FILE` against `pdftotext FILE -`, one process per document,
    on synthetic multi-page contracts (5 to 30 pages, written as DOCX with Word automatic numbering and
    printed to PDF by LibreOffice) plus samples/*.pdf. Reports the median time per document and per
    page, and the ratio ours / pdftotext (target <= 1.25).
(b) DOCX: `baa-review extract --format text FILE` against `pandoc -t plain FILE`, one process per
    document, on the same synthetic contracts as DOCX (with tracked changes) plus samples/*.docx and the
    DOCX files in ../shared/corpus/real. Target: faster than pandoc (ratio < 1).

Each tool runs once to warm the page cache, then --reps times per file in alternating order; the figure
per file is the median. Totals are sums of the per-file medians; the ratio is total ours / total other.
--compose N adds N contracts from ../shared/eval/compose.py (PDF and DOCX). --workdir keeps the
generated files for the next run (they are regenerated only if missing). --strict exits 1 when a
target is missed.
"""
import argparse
import glob
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PAGE_TARGETS = [5, 7, 9, 11, 13, 16, 19, 21, 24, 26]  # gives about 5 to 30 pages
WORDS_PER_PAGE = 560  # about what the sample layout holds (11 pt Times, 1 inch margins)
TAIL_PAGES = 1.5      # signature block and Exhibit A (on a page of its own)
PDF_TARGET, DOCX_TARGET = 1.25, 1.0


def load_samples_module():
    spec = importlib.util.spec_from_file_location("make_samples", os.path.join(ROOT, "Scripts", "make-samples.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def synthetic_elements(ms, pages):
    """The Acme sample contract with its articles repeated until it fills about `pages` pages."""
    elements = ms.ACME
    first_article = next(i for i, (k, _) in enumerate(elements) if k == "h1")
    closing = next(i for i, (k, t) in enumerate(elements) if k == "p" and t.startswith("IN WITNESS"))
    head, body, tail = elements[:first_article], elements[first_article:closing], elements[closing:]
    words = lambda els: sum(len(ms.plain(t).split()) if k != "table" else 40 for k, t in els)
    budget = (pages - TAIL_PAGES) * WORDS_PER_PAGE - words(head)
    out, used, n = list(head), 0, 0
    while used < budget:
        kind, text = body[n % len(body)]
        out.append((kind, text))
        used += words([(kind, text)])
        n += 1
    return out + list(tail)


def generate(ms, workdir, docs):
    """Write docs synthetic contracts into workdir as DOCX (tracked changes) and PDF; reuse what exists."""
    os.makedirs(os.path.join(workdir, "docx"), exist_ok=True)
    os.makedirs(os.path.join(workdir, "pdf"), exist_ok=True)
    targets = [PAGE_TARGETS[i * len(PAGE_TARGETS) // docs] if docs <= len(PAGE_TARGETS) else 5 + i * 25 // (docs - 1)
               for i in range(docs)]
    to_convert = []
    for i, pages in enumerate(targets):
        stem = f"contract-{i + 1:02d}"
        elements = synthetic_elements(ms, pages)
        docx = os.path.join(workdir, "docx", stem + ".docx")
        if not os.path.exists(docx):
            ms.write_docx(docx, elements, accept=False)
        pdf = os.path.join(workdir, "pdf", stem + ".pdf")
        if not os.path.exists(pdf):
            src = os.path.join(workdir, "pdf", stem + ".docx")
            ms.write_docx(src, elements, accept=True)
            to_convert.append(src)
    if to_convert:
        if not shutil.which("soffice"):
            sys.exit("bench: soffice (LibreOffice) is needed to make the PDFs")
        print(f"bench: printing {len(to_convert)} PDFs with LibreOffice ...", flush=True)
        profile = os.path.join(workdir, "lo-profile")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", os.path.join(workdir, "pdf")] + to_convert,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
        for src in to_convert:
            os.remove(src)


def compose(workdir, n):
    out = os.path.join(workdir, "compose")
    if not glob.glob(os.path.join(out, "*.pdf")):
        script = os.path.join(ROOT, "..", "shared", "eval", "compose.py")
        subprocess.run([sys.executable, script, os.path.join(ROOT, "..", "shared", "eval", "bank"), out,
                        "--n", str(n)], check=True, stdout=subprocess.DEVNULL)
    return sorted(glob.glob(os.path.join(out, "*.pdf"))), sorted(glob.glob(os.path.join(out, "*.docx")))


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def timed(cmd):
    """(wall seconds, CPU seconds (user + system), exit status, stderr) of one run."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, proc.returncode, err.read().decode("utf-8", "replace")


def measure(files, ours, other, reps):
    """{file: (ours wall, other wall, ours CPU, other CPU)}, medians, for the files both tools read;
    failures are reported and left out."""
    results = {}
    for f in files:
        ok = True
        for name, cmd in (("baa-review", ours(f)), (other(f)[0], other(f))):
            _, _, rc, err = timed(cmd)  # warm-up, and a check that it reads the file
            if rc != 0:
                print(f"  skipped {os.path.basename(f)}: {name} exit {rc}: {err.strip()[:200]}")
                ok = False
        if not ok:
            continue
        runs = ([], [])
        for rep in range(reps):
            pair = [(runs[0], ours(f)), (runs[1], other(f))]
            for sink, cmd in (pair if rep % 2 == 0 else pair[::-1]):
                sink.append(timed(cmd)[:2])
        med = lambda xs, i: statistics.median(x[i] for x in xs)
        results[f] = (med(runs[0], 0), med(runs[1], 0), med(runs[0], 1), med(runs[1], 1))
    return results


def ms_(s):
    return f"{s * 1000:8.1f}"


def report(title, other_name, results, pages=None, target=None):
    """Print the table; return (wall ratio, CPU ratio) of the totals, or None."""
    print(f"\n{title}")
    head = f"  {'file':<30}" + (f" {'pages':>5}" if pages else "") + f" {'ours ms':>8} {other_name + ' ms':>12}"
    head += (f" {'ours ms/pg':>10} {other_name[:5] + ' ms/pg':>11}" if pages else "") + f" {'ratio':>6} {'cpu ratio':>9}"
    print(head)
    tot = [0.0, 0.0, 0.0, 0.0]
    tot_p = 0
    for f, (a, b, ca, cb) in results.items():
        p = pages[f] if pages else None
        line = f"  {os.path.basename(f)[:30]:<30}" + (f" {p:>5}" if pages else "") + f" {ms_(a)} {ms_(b):>12}"
        if pages:
            line += f" {a * 1000 / p:10.2f} {b * 1000 / p:11.2f}"
        print(line + f" {a / b:6.2f} {ca / cb if cb else float('nan'):9.2f}")
        tot = [t + x for t, x in zip(tot, (a, b, ca, cb))]
        tot_p += p or 0
    if not results:
        print("  (nothing measured)")
        return None
    ratio, cpu_ratio = tot[0] / tot[1], (tot[2] / tot[3] if tot[3] else float("nan"))
    line = f"  {'total (' + str(len(results)) + ' files)':<30}" + (f" {tot_p:>5}" if pages else "")
    line += f" {ms_(tot[0])} {ms_(tot[1]):>12}"
    if pages:
        line += f" {tot[0] * 1000 / tot_p:10.2f} {tot[1] * 1000 / tot_p:11.2f}"
    print(line + f" {ratio:6.2f} {cpu_ratio:9.2f}")
    verdict = "meets" if ratio <= target else "MISSES"
    print(f"  ours / {other_name} = {ratio:.2f} wall, {cpu_ratio:.2f} CPU ({verdict} the target of <= {target:.2f})")
    return ratio, cpu_ratio


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.environ.get("BAA_REVIEW_BIN",
                                                    os.path.join(ROOT, ".build", "release", "baa-review")))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--docs", type=int, default=10, help="synthetic contracts to generate (5 to 30 pages)")
    ap.add_argument("--workdir", help="keep generated files here (default: a temporary directory)")
    ap.add_argument("--compose", type=int, default=0, metavar="N", help="also N contracts from ../shared/eval")
    ap.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    a = ap.parse_args()

    binary = os.path.abspath(a.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench: no baa-review binary at {binary}; build with `swift build -c release` or pass --bin")
    for tool in ("pdftotext", "pdfinfo", "pandoc"):
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} is needed (apt-get install -y poppler-utils pandoc)")

    temp = None if a.workdir else tempfile.mkdtemp(prefix="baa-bench-")
    workdir = a.workdir or temp
    try:
        generate(load_samples_module(), workdir, a.docs)
        pdfs = sorted(glob.glob(os.path.join(workdir, "pdf", "*.pdf"))) + sorted(glob.glob(os.path.join(ROOT, "samples", "*.pdf")))
        docxs = (sorted(glob.glob(os.path.join(workdir, "docx", "*.docx")))
                 + sorted(glob.glob(os.path.join(ROOT, "samples", "*.docx")))
                 + sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "real", "*.docx"))))
        if a.compose:
            more_pdf, more_docx = compose(workdir, a.compose)
            pdfs, docxs = pdfs + more_pdf, docxs + more_docx

        version = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.splitlines()[0]
        pandoc = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        print(f"bench: {binary}\n       {version}; {pandoc}; {os.cpu_count()} CPUs; "
              f"median of {a.reps} runs per file after one warm-up")

        empty = os.path.join(workdir, "empty.txt")
        with open(empty, "w") as f:
            f.write("Start-up probe.\n")
        start_ours = statistics.median(timed([binary, "extract", "--format", "text", empty])[0] for _ in range(a.reps))
        start_pdftotext = statistics.median(timed(["pdftotext", "-v"])[0] for _ in range(a.reps))
        # (wall times; the rest of the run is as loaded as this)
        print(f"       process start-up: baa-review {start_ours * 1000:.1f} ms (one-line .txt), "
              f"pdftotext {start_pdftotext * 1000:.1f} ms (-v)")

        pages = {f: pdf_pages(f) for f in pdfs}
        ours = lambda f: [binary, "extract", "--format", "text", f]
        pdf = measure(pdfs, ours, lambda f: ["pdftotext", f, "-"], a.reps)
        r_pdf = report("(a) PDF: baa-review extract --format text vs pdftotext FILE -", "pdftotext", pdf,
                       pages, PDF_TARGET)
        docx = measure(docxs, ours, lambda f: ["pandoc", "-t", "plain", f], a.reps)
        r_docx = report("(b) DOCX: baa-review extract --format text vs pandoc -t plain", "pandoc", docx,
                        None, DOCX_TARGET)

        print("\nsummary (ratios of summed per-file medians)")
        print(f"  {'comparison':<24} {'wall':>6} {'CPU':>6} {'target':>8}")
        if r_pdf is not None:
            print(f"  {'PDF  ours / pdftotext':<24} {r_pdf[0]:6.2f} {r_pdf[1]:6.2f} {'<= 1.25':>8}")
        if r_docx is not None:
            print(f"  {'DOCX ours / pandoc':<24} {r_docx[0]:6.2f} {r_docx[1]:6.2f} {'< 1.00':>8}")
        missed = (r_pdf is None or r_pdf[0] > PDF_TARGET) or (r_docx is None or r_docx[0] >= DOCX_TARGET)
        return 1 if (a.strict and missed) else 0
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
