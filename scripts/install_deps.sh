#!/usr/bin/env bash
# Installs the Debian 12 packages the project builds, tests and runs with.
# Safe to re-run: apt-get skips what is already installed.
set -euo pipefail

PACKAGES=(
  bazel-bootstrap bazel-rules-java
  protobuf-compiler protobuf-compiler-grpc
  libprotobuf-dev libgrpc++-dev libabsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libre2-dev libxxhash-dev libutf8proc-dev
  libroaring-dev libstemmer-dev libsqlite3-dev libzstd-dev liblz4-dev
  libgoogle-perftools-dev
  python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
