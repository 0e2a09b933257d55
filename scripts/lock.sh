#!/usr/bin/env bash
# Regenerates the hashed locks from pyproject.toml with uv (installed in a throwaway venv):
#   requirements/site.txt  the site extra: what building and serving the site needs (scripts/serve.sh)
#   requirements/test.txt  the site and test extras: what scripts/test.sh and CI install
# Versions already in a lock are kept; `bash scripts/lock.sh --upgrade` moves every pin to the newest allowed.
# The locks are for Linux x86_64 and CPython 3.11.7 or newer (CI's and the developers' machines).
set -euo pipefail
cd "$(dirname "$0")/.."
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
python3 -m venv "$tool"
"$tool/bin/python" -m pip install --quiet "uv==0.13.9"
compile() {
  local output=$1
  shift
  "$tool/bin/uv" pip compile pyproject.toml "$@" --generate-hashes --no-emit-package chipwise \
    --python-version 3.11.7 --python-platform x86_64-manylinux_2_35 \
    --custom-compile-command "bash scripts/lock.sh" --quiet ${upgrade:+--upgrade} -o "$output"
}
upgrade=
[ "${1:-}" = --upgrade ] && upgrade=1
compile requirements/test.txt --extra site --extra test
# The site's lock takes its versions from the test lock, so serving and testing use the same ones.
cp requirements/test.txt "$tool/test-pins.txt"
compile requirements/site.txt --extra site -c "$tool/test-pins.txt"
sed -i "s#-c $tool/test-pins.txt#requirements/test.txt#" requirements/site.txt
