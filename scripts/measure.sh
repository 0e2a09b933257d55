#!/usr/bin/env bash
# Runs a measurement from a fresh clone: `bash scripts/measure.sh` (build speed, about a minute) or
# `bash scripts/measure.sh lighthouse` (Lighthouse on every page, a few minutes; needs npm and chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
case "${1:-build}" in
  build) exec .venv/bin/python measurements/build_speed.py "${@:2}" ;;
  lighthouse) exec .venv/bin/python measurements/lighthouse.py "${@:2}" ;;
  *) echo "usage: bash scripts/measure.sh [build|lighthouse] [options]" >&2; exit 2 ;;
esac
