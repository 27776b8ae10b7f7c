#!/usr/bin/env bash
# Keeps deploy/ true to the binaries: every flag a Dockerfile or Kubernetes
# manifest passes to a server must be one that server accepts, container
# ports must match the ports the images listen on, and probes must name the
# service the server registers.
set -uo pipefail
RUNFILES="${TEST_SRCDIR:-$PWD/..}/${TEST_WORKSPACE:-claims}"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

check_flags() {  # binary file...
  local binary="$1"; shift
  local help
  help="$("$RUNFILES/$binary" --helpfull 2>&1)"
  for file in "$@"; do
    # In a Dockerfile only the server's command line counts (not build steps).
    local text
    if [[ "$file" == *Dockerfile* ]]; then text="$(grep -E '^(ENTRYPOINT|CMD)' "$RUNFILES/$file")"; else text="$(cat "$RUNFILES/$file")"; fi
    for flag in $(grep -o -- '--[a-z_]*=' <<<"$text" | sort -u | sed 's/=$//'); do
      if grep -q -- "^ *${flag} " <<<"$help"; then
        echo "ok: $file passes $flag, which $(basename "$binary") accepts"
      else
        fail "$file passes $flag, which $(basename "$binary") does not accept"
      fi
    done
  done
}

check_port() {  # dockerfile manifest port service
  grep -q -- "--port=$3\"" "$RUNFILES/$1" || fail "$1 does not listen on $3"
  grep -q "containerPort: $3" "$RUNFILES/$2" || fail "$2 has no containerPort $3"
  grep -q "grpc: {port: $3, service: $4}" "$RUNFILES/$2" || fail "$2 has no readiness probe on $3 for $4"
  grep -q "grpc: {port: $3}" "$RUNFILES/$2" || fail "$2 has no liveness probe on $3"
  grep -q "EXPOSE $3" "$RUNFILES/$1" || fail "$1 does not EXPOSE $3"
  echo "ok: $1 and $2 agree on port $3 and probe $4"
}

check_flags extractor_service/extractor_server deploy/docker/Dockerfile.extractor deploy/k8s/extractor.yaml
check_flags query_service/query_server deploy/docker/Dockerfile.query deploy/k8s/query.yaml
check_port deploy/docker/Dockerfile.extractor deploy/k8s/extractor.yaml 50051 claims.v1.ExtractorService
check_port deploy/docker/Dockerfile.query deploy/k8s/query.yaml 50052 claims.v1.QueryService

# The extractor must point at the query Service's name, namespace and port.
grep -q -- "--query_address=query-service.claims.svc.cluster.local:50052" "$RUNFILES/deploy/k8s/extractor.yaml" ||
  fail "extractor.yaml does not point --query_address at the query-service Service"
grep -q "name: query-service" "$RUNFILES/deploy/k8s/query.yaml" || fail "query.yaml has no query-service"

if ((failures)); then echo "$failures failure(s)"; exit 1; fi
echo "deploy/ is consistent with the binaries"
