#!/usr/bin/env bash
# Serves the site at http://127.0.0.1:8000/ and reloads when a page, the facts file or the package changes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh site
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --strict "$@"
