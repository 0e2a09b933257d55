#!/usr/bin/env bash
# Creates .venv (Python 3.11+) and installs chipwise with what a task needs, from a hashed lock; safe to run again.
#   bash scripts/setup.sh        the site and its test tools, requirements/test.txt (scripts/test.sh, .ci/run)
#   bash scripts/setup.sh site   only what building and serving the site needs, requirements/site.txt (scripts/serve.sh)
#   bash scripts/setup.sh newest the newest versions pyproject.toml allows, no lock (the weekly drift workflow)
# Every dependency is installed at its locked version with its hash checked (--require-hashes), then chipwise
# itself, editable and with no dependencies of its own. `bash scripts/lock.sh` regenerates the locks.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-test}
case "$profile" in
  site | test | newest) ;;
  *) echo "usage: bash scripts/setup.sh [site|test|newest]" >&2; exit 2 ;;
esac
python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "chipwise needs Python 3.11 or newer" >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
if [ "$profile" = newest ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e ".[site,test]"
  exit 0
fi
up_to_date() {
  local stamp=.venv/.chipwise-$1
  [ -f "$stamp" ] && [ ! pyproject.toml -nt "$stamp" ] && [ ! "requirements/$1.txt" -nt "$stamp" ]
}
# The test lock holds the site's too, at the same versions: a venv set up for the tests serves the site as it is.
if up_to_date "$profile" || { [ "$profile" = site ] && up_to_date test; }; then
  exit 0
fi
.venv/bin/python -m pip install --quiet --require-hashes -r "requirements/$profile.txt"
.venv/bin/python -m pip install --quiet --no-deps -e .
touch ".venv/.chipwise-$profile"
