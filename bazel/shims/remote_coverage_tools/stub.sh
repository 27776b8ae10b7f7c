#!/bin/sh
# Coverage tooling is not part of the offline Bazel setup.
echo "bazel coverage is not supported in this offline workspace" >&2
exit 1
