#!/usr/bin/env bash
# Installs the Debian packages baa-review builds against (and the tools its
# tests use) when they are missing. Needs root, as on a fresh Debian 12 machine.
set -euo pipefail
need=()
dpkg -s libpoppler-glib-dev >/dev/null 2>&1 || need+=(libpoppler-glib-dev)
dpkg -s libxml2-dev >/dev/null 2>&1 || need+=(libxml2-dev)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)   # the portfolio store (GRDB)
dpkg -s pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -c 'import yaml' >/dev/null 2>&1 || need+=(python3-yaml)
# the no-network test traces system calls (it skips itself without strace)
command -v strace >/dev/null 2>&1 || need+=(strace)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
