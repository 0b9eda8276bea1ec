# baa-review: build, run on samples/, test.
SWIFT ?= swift
# the release binary links the Swift runtime statically: one file to copy, and a faster start
RELEASE_FLAGS = -c release --static-swift-stdlib
BIN_RELEASE = $(shell $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path 2>/dev/null)/baa-review
BIN_DEBUG = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)/baa-review

.PHONY: deps build release run test unit corpus eval eval-ci bench samples fixtures snapshots fuzz fuzz-corpus clean

deps:
	@Scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

## Set up everything and run the main job on samples/: the redline checklist of each sample contract.
run: release
	$(BIN_RELEASE) check samples/acme-scribe-baa.docx samples/acme-scribe-baa.pdf samples/acme-scribe-baa.txt samples/bluepeak-chat-addendum.md

## The test command: unit tests, then every file of ../shared/corpus read or refused cleanly.
test: deps
	$(SWIFT) build
	$(SWIFT) test
	$(BIN_DEBUG) library test
	$(MAKE) --no-print-directory eval-ci BIN="$(BIN_DEBUG)"
	$(MAKE) --no-print-directory corpus BIN="$(BIN_DEBUG)"

unit: deps
	$(SWIFT) test

## Every file in ../shared/corpus is read or refused with a clear message, in bounded time.
corpus:
	python3 Scripts/corpus-check.py --bin "$(or $(BIN),$(BIN_DEBUG))"

## Accuracy on 60 composed contracts (all formats; PDFs need LibreOffice). SEED=N for another set.
EVAL_DIR ?= /tmp/baa-review-eval
SEED ?= 7
eval: release
	rm -rf $(EVAL_DIR) && python3 ../shared/eval/compose.py ../shared/eval/bank $(EVAL_DIR) --n 60 --seed $(SEED)
	python3 ../shared/eval/score.py $(EVAL_DIR) --cmd '$(BIN_RELEASE) check --format json --audit-log $(EVAL_DIR)/audit.jsonl {file}'

## The CI accuracy gate: a composed set without PDFs, failing below the floors.
eval-ci:
	rm -rf $(EVAL_DIR)-ci && python3 ../shared/eval/compose.py ../shared/eval/bank $(EVAL_DIR)-ci --n 60 --no-pdf
	python3 ../shared/eval/score.py $(EVAL_DIR)-ci --cmd '$(or $(BIN),$(BIN_DEBUG)) check --format json --audit-log $(EVAL_DIR)-ci/audit.jsonl {file}' \
	  --min-accuracy 0.95 --max-false-comfort 0 --min-evidence 0.95

## Speed against pdftotext and pandoc, then a 500-contract batch (a benchmark, not a test).
BENCH_DIR ?= /tmp/baa-review-bench
bench: release
	python3 Scripts/bench.py --bin "$(BIN_RELEASE)"
	python3 Scripts/bench-batch.py --bin "$(BIN_RELEASE)" --workdir $(BENCH_DIR)-batch

## Fuzz the DOCX and text readers and the structure stage with libFuzzer (Linux):
## FUZZ_SECONDS per target (default 180), FUZZ_TARGETS to pick some. See docs/security.md.
fuzz:
	Scripts/fuzz.sh

## Regenerate the fuzzers' seed corpus in Tests/Fuzz/corpus/.
fuzz-corpus:
	python3 Scripts/make-fuzz-corpus.py

## Regenerate samples/ (needs LibreOffice: apt-get install -y libreoffice-writer-nogui).
samples:
	python3 Scripts/make-samples.py

## Re-record the golden snapshots after a deliberate change.
snapshots:
	RECORD_SNAPSHOTS=1 $(SWIFT) test || true
	git status --short Tests

clean:
	rm -rf .build
