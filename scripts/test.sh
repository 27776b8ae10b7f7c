#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test. The last
# line printed is "N passed, N failed" (test cases, counted from each test's
# XML report of this run). Exit status: 0 when everything passed.
# Extra arguments go to `bazel test`, e.g. scripts/test.sh --config=asan
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install_deps.sh || { echo "dependency installation failed"; echo "0 passed, 1 failed"; exit 1; }

ARTIFACTS="${TMPDIR:-/tmp}/claims-ci"
mkdir -p "$ARTIFACTS"
BEP="$ARTIFACTS/bep.json"
rm -f "$BEP"
# Symlinks from a run with another output base make //... wander into it.
find . -maxdepth 1 -name 'bazel-*' -type l -delete

bazel test //... --config=ci --build_event_json_file="$BEP" "$@" </dev/null
rc=$?

if [[ -s "$BEP" ]]; then
  python3 scripts/test_summary.py "$BEP"
else
  echo "bazel produced no build events (exit $rc)"
  echo "0 passed, 1 failed"
fi
[[ "${KEEP_BAZEL_SERVER:-0}" == "1" ]] || bazel shutdown
exit "$rc"
