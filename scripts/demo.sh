#!/usr/bin/env bash
# The main job, end to end on one machine: installs what is missing, builds,
# starts the query service and the extractor on loopback (free ports),
# submits the articles of examples/ through the extractor, prints every claim
# and a few queries in readable form, then stops both services with SIGTERM.
#
#   scripts/demo.sh [MANIFEST]     (default: examples/manifest.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
MANIFEST="${1:-examples/manifest.tsv}"

scripts/install_deps.sh
find . -maxdepth 1 -name 'bazel-*' -type l -delete
bazel build --config=ci //query_service:query_server //extractor_service:extractor_server //tools:claimsctl
BIN="$(bazel info bazel-bin 2>/dev/null)"
CTL="$BIN/tools/claimsctl"

WORK="$(mktemp -d)"
PIDS=()
stop_services() {
  # Extractor first: it flushes queued claims to the query service.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${PIDS[i]}" 2>/dev/null && wait "${PIDS[i]}" 2>/dev/null || true
  done
  PIDS=()
}
trap 'stop_services; rm -rf "$WORK"' EXIT

wait_for_port() {  # file
  for _ in $(seq 1 300); do
    [[ -s "$1" ]] && return 0
    sleep 0.1
  done
  echo "demo: a service did not start; see $WORK/*.log" >&2
  return 1
}

"$BIN/query_service/query_server" --port=0 --port_file="$WORK/query.port" 2>"$WORK/query.log" &
PIDS+=($!)
wait_for_port "$WORK/query.port"
QUERY="127.0.0.1:$(cat "$WORK/query.port")"

"$BIN/extractor_service/extractor_server" --port=0 --port_file="$WORK/extractor.port" \
  --query_address="$QUERY" 2>"$WORK/extractor.log" &
PIDS+=($!)
wait_for_port "$WORK/extractor.port"
EXTRACTOR="127.0.0.1:$(cat "$WORK/extractor.port")"

section() { printf '\n=== %s\n' "$*"; }

section "query service on $QUERY ($("$CTL" --address="$QUERY" health)), extractor on $EXTRACTOR ($("$CTL" --address="$EXTRACTOR" health))"
"$CTL" --address="$QUERY" list

section "submitting $(grep -cv '^\s*\(#\|$\)' "$MANIFEST") articles from $MANIFEST through the extractor"
"$CTL" --address="$EXTRACTOR" submit --manifest="$MANIFEST"

section "every claim in the index"
"$CTL" --address="$QUERY" search --page_size=100 --all_pages

section "speakers"
"$CTL" --address="$QUERY" speakers

section "query: water war"
"$CTL" --address="$QUERY" search water war

TOP_ID="$("$CTL" --address="$QUERY" call claims.v1.QueryService/ListSpeakers '{"pageSize": 1}' |
  sed -n 's/.*"speakerId": "\([^"]*\)".*/\1/p' | head -1)"
if [[ -n "$TOP_ID" ]]; then
  section "query: claims by speaker $TOP_ID (JSON call through reflection, as grpcurl would make it)"
  "$CTL" --address="$QUERY" call claims.v1.QueryService/SearchClaims "{\"speaker\": \"$TOP_ID\", \"pageSize\": 3}" |
    grep -E '"(text|canonicalName|outlet)"'
fi

section "statements reported by two or more outlets (ListClusters)"
"$CTL" --address="$QUERY" clusters --min_outlets=2 --page_size=5

TOP_CLUSTER="$("$CTL" --address="$QUERY" call claims.v1.QueryService/ListClusters '{"filter": {"minOutlets": 2}, "pageSize": 1}' |
  sed -n 's/.*"clusterId": "\([^"]*\)".*/\1/p' | head -1)"
if [[ -n "$TOP_CLUSTER" ]]; then
  section "who reported it: GetCorroboration $TOP_CLUSTER"
  "$CTL" --address="$QUERY" corroboration "$TOP_CLUSTER"
fi

section "stats"
"$CTL" --address="$QUERY" stats

section "stopping"
stop_services
cat "$WORK/extractor.log" "$WORK/query.log"
