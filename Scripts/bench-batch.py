#!/usr/bin/env python3
"""Benchmark `baa-review batch` on a generated portfolio (a measurement, not a test).

    python3 Scripts/bench-batch.py [--bin .build/release/baa-review] [--n 500] [--jobs N]
                                   [--workdir DIR] [--new 20] [--seed 1]

Generates N contracts (default 500) with ../shared/eval/compose.py's clause bank and layout, padded
with its provision-neutral sections to 5-30 pages: a third each PDF (Word file printed by LibreOffice),
DOCX, and text or Markdown; about one vendor in ten has two versions. Then measures:

  1. a first batch run into an empty output folder: contracts per minute, and the peak memory of the
     supervisor and its workers together (the sum of their resident sizes, sampled every 20 ms);
  2. the same command again with nothing changed (every contract skipped through the store);
  3. the same command after --new contracts were added (only they are reviewed);
  4. for comparison, one `check` process over a sample of the same files, to show what the work
     itself costs per contract and what share of the machine the batch turns into reviews.

Targets from the issue: >= 2,000 contracts per minute on 2 cores, peak under 300 MB, unchanged
re-run under 5 s. --workdir keeps the generated portfolio for the next run (regenerated only if
missing); without it a temporary folder is used and removed.
"""
import argparse, glob, importlib.util, os, random, shutil, subprocess, sys, tempfile, threading, time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
EVAL = os.path.join(ROOT, "..", "shared", "eval")
WORDS_PER_PAGE = 560
TARGETS = {"contracts_per_minute": 2000, "peak_mb": 300, "rerun_s": 5.0}
# The issue sets its target against the PDF floor: pdftotext reads about 2,500 such PDFs a minute on two
# cores, so 2,000 a minute is 80% of that floor. The floor is measured again in every run (below), because
# this host's speed moves by a quarter or more, sometimes within minutes; the ratio stays more comparable.
FLOOR_AT_TARGET = 2500


def load_compose():
    spec = importlib.util.spec_from_file_location("compose", os.path.join(EVAL, "compose.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def vendor_name(i):
    first = ["Northwind", "Acme", "Bluepeak", "Meridian", "Quill", "Harborview", "Cobalt", "Lumen", "Pinecrest",
             "Sable", "Juniper", "Halcyon", "Orchid", "Tidewater", "Granite", "Aurora", "Summit", "Keystone"]
    second = ["Analytics", "Clinical AI", "Health Systems", "Transcription", "Medical Intelligence", "Data Labs",
              "Scribe Technologies", "Diagnostics AI", "Revenue Cycle", "Voice Health"]
    suffix = ["Inc.", "LLC", "Corp.", "Ltd."]
    return f"{first[i % len(first)]} {second[(i // len(first)) % len(second)]} {i // 180 + 1} {suffix[i % 4]}"


def generate(out, n, seed, start=0):
    """Writes contracts start..start+n-1 into out; returns the number of files written."""
    cp = load_compose()
    provisions, fillers = cp.load_banks(os.path.join(EVAL, "bank"))
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed * 1000 + start)
    to_pdf = []
    vendors = max(1, int(n * 0.9))
    for i in range(start, start + n):
        fmt = ["pdf", "docx", "txt", "pdf", "docx", "md"][i % 6]
        v = i % vendors if start == 0 else i
        version = 1 + (i // vendors if start == 0 else 0)
        stem = f"{vendor_name(v).split()[0].lower()}-{v:04d}-v{version}"
        target = os.path.join(out, f"{stem}.{'docx' if fmt == 'pdf' else fmt}")
        if os.path.exists(os.path.join(out, f"{stem}.{fmt}")):
            continue
        chosen = cp.choose(rng, provisions)
        style = rng.choice(["decimal", "article", "flat"])
        nm = cp.names(rng)
        pages = rng.randint(5, 30)
        doc_plan = cp.plan(rng, chosen, fillers)
        # pad with the filler bank's provision-neutral sections to about `pages` pages
        words = sum(len(s["text"].split()) + sum(len(x.split()) for x in s["items"]) for _, _, secs in doc_plan for s in secs)
        extra, k = [], 0
        while words < pages * WORDS_PER_PAGE - 300:
            f = fillers[k % len(fillers)]
            extra.append({"heading": f.get("heading"), "text": f["text"], "items": f.get("items", []),
                          "label_for": None, "variant": f"{f['id']}-pad{k}"})
            words += len(f["text"].split()) + sum(len(x.split()) for x in f.get("items", []))
            k += 1
        doc_plan = [(a, t, secs + (extra if a == "misc" else [])) for a, t, secs in doc_plan]
        if not any(a == "misc" for a, _, _ in doc_plan):
            doc_plan.append(("misc", "Miscellaneous", extra))
        customer = rng.choice(cp.CUSTOMERS)
        paras, _ = cp.layout(rng, doc_plan, style, vendor_name(v), customer, "baa", nm)
        if fmt == "txt":
            cp.write_txt(paras, target)
        elif fmt == "md":
            cp.write_md(paras, target)
        else:
            cp.write_docx(paras, target, style, True, f"{vendor_name(v)} - Business Associate Agreement", None,
                          for_pdf=fmt == "pdf")
            if fmt == "pdf":
                to_pdf.append(target)
    for chunk in range(0, len(to_pdf), 60):
        part = to_pdf[chunk:chunk + 60]
        print(f"bench-batch: printing {len(part)} PDFs with LibreOffice ({chunk + len(part)}/{len(to_pdf)}) ...", flush=True)
        profile = os.path.join(os.path.dirname(out), "lo-profile")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", out] + part, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=1800)
        for f in part:
            os.remove(f)


class TreeMemory(threading.Thread):
    """Samples the resident memory of a process and its descendants (through /proc/PID/task/*/children)
    every 50 ms; keeps the peak of the sum."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()
        self.page = os.sysconf("SC_PAGE_SIZE")
        self.own_cpu = 0.0  # CPU seconds of the supervisor alone, last seen

    def supervisor_cpu(self):
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return None

    def tree(self, pid):
        pids, todo = [], [pid]
        while todo:
            p = todo.pop()
            pids.append(p)
            try:
                for task in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{task}/children") as f:
                        todo += [int(c) for c in f.read().split()]
            except OSError:
                pass
        return pids

    def run(self):
        while not self.stop.is_set():
            total = 0
            for p in self.tree(self.pid):
                try:
                    with open(f"/proc/{p}/statm") as f:
                        total += int(f.read().split()[1]) * self.page
                except (OSError, IndexError, ValueError):
                    pass
            self.peak = max(self.peak, total)
            cpu = self.supervisor_cpu()
            if cpu is not None:
                self.own_cpu = cpu
            time.sleep(0.05)


def timed_batch(cmd):
    """(wall s, CPU s of the batch and its workers, peak memory bytes, exit status, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        sampler = TreeMemory(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # the workers' time is included: the batch waits for them
        wall = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        timed_batch.supervisor_cpu = sampler.own_cpu
        return (wall, usage.ru_utime + usage.ru_stime, sampler.peak, os.waitstatus_to_exitcode(status),
                out.read().decode().strip(), err.read().decode().strip())


def pdf_floor(pdfs, jobs):
    """PDFs per minute that `pdftotext FILE -` reads, one process per file, `jobs` at a time: the rate
    the batch would have if every contract were one of these PDFs and reading it were all the work
    (None without pdftotext)."""
    if not pdfs or not shutil.which("pdftotext"):
        return None
    from concurrent.futures import ThreadPoolExecutor
    run = lambda f: subprocess.run(["pdftotext", f, "-"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(run, pdfs))
    return len(pdfs) / (time.perf_counter() - start) * 60


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.environ.get("BAA_REVIEW_BIN", os.path.join(ROOT, ".build", "release", "baa-review")))
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--new", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=100, help="files for the single-process `check` comparison")
    ap.add_argument("--workdir")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench-batch: no baa-review binary at {binary}; build with `make release` or pass --bin")
    if not shutil.which("soffice"):
        sys.exit("bench-batch: soffice (LibreOffice) is needed to make the PDFs (apt-get install -y libreoffice-writer-nogui)")
    temp = None if a.workdir else tempfile.mkdtemp(prefix="baa-bench-batch-")
    work = os.path.abspath(a.workdir or temp)
    try:
        contracts = os.path.join(work, f"portfolio-{a.n}-{a.seed}")
        generate(contracts, a.n, a.seed)
        files = sorted(glob.glob(os.path.join(contracts, "*")))
        kinds = {}
        for f in files:
            kinds[os.path.splitext(f)[1]] = kinds.get(os.path.splitext(f)[1], 0) + 1
        out = os.path.join(work, "out")
        shutil.rmtree(out, ignore_errors=True)
        newdir = os.path.join(work, f"new-{a.n}-{a.seed}")
        shutil.rmtree(newdir, ignore_errors=True)
        print(f"bench-batch: {binary}\n  {len(files)} contracts ({', '.join(f'{v} {k[1:]}' for k, v in sorted(kinds.items()))}); "
              f"{os.cpu_count()} CPUs, --jobs {a.jobs}; load average {os.getloadavg()[0]:.1f}")
        cmd = [binary, "batch", contracts, "--out", out, "--jobs", str(a.jobs), "--quiet",
               "--audit-log", os.path.join(work, "audit.jsonl")]

        pdfs = [f for f in files if f.endswith(".pdf")]
        floor_before = pdf_floor(pdfs, a.jobs)
        wall, cpu_batch, peak, rc, summary, err = timed_batch(cmd)
        floor_after = pdf_floor(pdfs, a.jobs)
        own = timed_batch.supervisor_cpu
        rate = len(files) / wall * 60
        cores = os.cpu_count() or 1
        projected = 60 / (cpu_batch / len(files)) * min(cores, a.jobs)
        print(f"\n1. first run: {wall:.1f} s wall = {rate:.0f} contracts/min; {cpu_batch:.1f} s CPU (supervisor + workers) = "
              f"{cpu_batch / len(files) * 1000:.0f} ms CPU per contract, {projected:.0f} contracts/min on {min(cores, a.jobs)} idle cores; "
              f"peak memory {peak / 2**20:.0f} MB (supervisor + workers), exit {rc}\n"
              f"   the supervisor alone (reports, store, pipes): {own:.1f} s CPU = {own / len(files) * 1000:.1f} ms per contract"
              f"\n   {summary}")
        if err:
            print("   " + err.replace("\n", "\n   ")[:2000])
        floor = None
        if floor_before and floor_after:
            floor = (floor_before + floor_after) / 2
            print(f"   the PDF floor at this hour: `pdftotext FILE -` over the portfolio's {len(pdfs)} PDFs, {a.jobs} at a time, "
                  f"just before and just after: {floor_before:.0f} and {floor_after:.0f} PDFs/min; the batch ran at "
                  f"{rate / floor:.2f} of it (the target, {TARGETS['contracts_per_minute']} of about {FLOOR_AT_TARGET}, is "
                  f"{TARGETS['contracts_per_minute'] / FLOOR_AT_TARGET:.2f})")

        wall2, _, peak2, rc2, summary2, _ = timed_batch(cmd)
        print(f"\n2. re-run, nothing changed: {wall2:.2f} s, peak memory {peak2 / 2**20:.0f} MB, exit {rc2}\n   {summary2}")

        generate(newdir, a.new, a.seed, start=100_000)
        wall3, _, _, rc3, summary3, _ = timed_batch([binary, "batch", contracts, newdir, "--out", out, "--jobs", str(a.jobs),
                                                                     "--audit-log", os.path.join(work, "audit.jsonl"),
                                                  "--quiet"])
        print(f"\n3. re-run with {a.new} new contracts: {wall3:.2f} s, exit {rc3}\n   {summary3}")

        sample = files[:: max(1, len(files) // a.sample)][: a.sample]
        start = time.perf_counter()
        proc = subprocess.Popen([binary, "check", "--format", "json"] + sample, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        check_wall = time.perf_counter() - start
        cpu = (usage.ru_utime + usage.ru_stime) / len(sample)
        ideal = 60 / cpu * cores
        print(f"\n4. `check` in one process over {len(sample)} of the files: {cpu * 1000:.0f} ms CPU per contract "
              f"({check_wall / len(sample) * 1000:.0f} ms wall); {cores} cores fully used would review "
              f"{ideal:.0f} contracts/min. The batch spent {cpu_batch / len(files) * 1000:.0f} ms CPU per contract: "
              f"isolation, reports and store cost {(cpu_batch / len(files) - cpu) * 1000:.0f} ms a contract "
              f"({(cpu_batch / len(files) / cpu - 1) * 100:.0f}%).")

        print("\nsummary")
        print(f"  contracts/min     {rate:8.0f}   target >= {TARGETS['contracts_per_minute']}"
              f"  {'met' if rate >= TARGETS['contracts_per_minute'] else 'MISSED'} (wall clock, load average {os.getloadavg()[0]:.1f})")
        print(f"  contracts/min     {projected:8.0f}   from CPU time, on {min(cores, a.jobs)} idle cores")
        if floor:
            ratio, wanted = rate / floor, TARGETS["contracts_per_minute"] / FLOOR_AT_TARGET
            print(f"  of the PDF floor  {ratio:8.2f}   target >= {wanted:.2f}  {'met' if ratio >= wanted else 'MISSED'}"
                  f" (pdftotext {floor:.0f} PDFs/min at this hour, about {FLOOR_AT_TARGET} when the target was set)")
        print(f"  peak memory MB    {peak / 2**20:8.0f}   target <  {TARGETS['peak_mb']}"
              f"  {'met' if peak / 2**20 < TARGETS['peak_mb'] else 'MISSED'}")
        print(f"  unchanged re-run  {wall2:8.2f}s  target <  {TARGETS['rerun_s']:.0f} s"
              f"  {'met' if wall2 < TARGETS['rerun_s'] else 'MISSED'}")
        print(f"  {a.new} new contracts  {wall3:7.2f}s")
        return 0
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
