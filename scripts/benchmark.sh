#!/usr/bin/env bash
# Runs a benchmark from a fresh clone: `bash scripts/benchmark.sh` (build speed, about a minute) or
# `bash scripts/benchmark.sh lighthouse` (Lighthouse on every page, a few minutes; needs npm and chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
case "${1:-build}" in
  build) exec .venv/bin/python benchmarks/build_speed.py "${@:2}" ;;
  lighthouse) exec .venv/bin/python benchmarks/lighthouse.py "${@:2}" ;;
  *) echo "usage: bash scripts/benchmark.sh [build|lighthouse] [options]" >&2; exit 2 ;;
esac
