# baa-review: build, run on samples/, test.
SWIFT ?= swift
BIN_RELEASE = $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)/baa-review
BIN_DEBUG = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)/baa-review

.PHONY: deps build release run test unit corpus bench samples fixtures snapshots clean

deps:
	@Scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Set up everything and run the main job on samples/.
run: release
	$(BIN_RELEASE) extract samples/acme-scribe-baa.docx samples/acme-scribe-baa.pdf samples/acme-scribe-baa.txt

## The test command: unit tests, then every file of ../shared/corpus read or refused cleanly.
test: deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) --no-print-directory corpus BIN="$(BIN_DEBUG)"

unit: deps
	$(SWIFT) test

## Every file in ../shared/corpus is read or refused with a clear message, in bounded time.
corpus:
	python3 Scripts/corpus-check.py --bin "$(or $(BIN),$(BIN_DEBUG))"

## Speed against pdftotext and pandoc (a benchmark, not a test).
bench: release
	python3 Scripts/bench.py --bin "$(BIN_RELEASE)"

## Regenerate samples/ (needs LibreOffice: apt-get install -y libreoffice-writer-nogui).
samples:
	python3 Scripts/make-samples.py

## Re-record the golden snapshots after a deliberate change.
snapshots:
	RECORD_SNAPSHOTS=1 $(SWIFT) test || true
	git status --short Tests

clean:
	rm -rf .build
