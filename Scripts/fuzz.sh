#!/usr/bin/env bash
# Builds the libFuzzer targets of Tests/Fuzz/ (Swift's -sanitize=fuzzer,address, Linux)
# and runs each for FUZZ_SECONDS (default 180) at low priority.
#
#   make fuzz                                   # every target, 3 minutes each
#   FUZZ_SECONDS=600 FUZZ_TARGETS=fuzz-text make fuzz
#   FUZZ_JOBS=2 make fuzz                        # two processes per target
#
# The committed seeds are in Tests/Fuzz/corpus/<target>/; what the fuzzer adds goes to
# .build-fuzz/corpus/<target>/, and an input that crashes, hangs (over 10 s) or
# takes over 2 GiB is saved in .build-fuzz/artifacts/<target>/ (then the script
# exits non-zero). Replay one with:  .build-fuzz/release/<target> FILE
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH="$ROOT/.build-fuzz"
SECONDS_EACH=${FUZZ_SECONDS:-180}
TARGETS=${FUZZ_TARGETS:-"fuzz-docx fuzz-docx-xml fuzz-text fuzz-segment"}
JOBS=${FUZZ_JOBS:-1}
FLAGS=(--package-path Tests/Fuzz --scratch-path "$SCRATCH" -c release
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

nice -n 10 swift build "${FLAGS[@]}"
BIN=$(swift build "${FLAGS[@]}" --show-bin-path)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# Swift's own crash handler would hide the failing check under an ASan report of its own reads
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
status=0
for t in $TARGETS; do
  mkdir -p "$SCRATCH/corpus/$t" "$SCRATCH/artifacts/$t"
  echo "== $t: ${SECONDS_EACH} s"
  args=("$SCRATCH/corpus/$t" "Tests/Fuzz/corpus/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048
    -max_len=65536 -artifact_prefix="$SCRATCH/artifacts/$t/" -print_final_stats=1)
  [ "$JOBS" -gt 1 ] && args+=(-fork="$JOBS" -ignore_crashes=1)
  nice -n 10 "$BIN/$t" "${args[@]}" 2>&1 | tee "$SCRATCH/$t.log" | grep -E "^(#[0-9]+ *(DONE|pulse)|==|INFO: (Loaded|seed)|SUMMARY|Done|stat::)|ERROR|crash|timeout" || true
  if ls "$SCRATCH/artifacts/$t"/* >/dev/null 2>&1; then
    echo "!! $t: findings in $SCRATCH/artifacts/$t/"
    status=1
  fi
done
exit $status
