#!/usr/bin/env bash
# Runs the whole test suite: lint, types, and pytest (browser tests included: they need Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
# CHIPWISE_SETUP=newest runs against the newest versions pyproject.toml allows instead of the lock.
bash scripts/setup.sh "${CHIPWISE_SETUP:-test}"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need /usr/bin/chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu) and try again." >&2
    exit 1
  fi
fi
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check src tests macros.py measurements examples
.venv/bin/mypy
exec .venv/bin/pytest "$@"
