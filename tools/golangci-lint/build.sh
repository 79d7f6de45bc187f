#!/usr/bin/env bash
# Builds golangci-lint v2 with the mongocas plugin compiled in, from the Go
# module proxy alone (golangci-lint's own `custom` command clones its
# repository instead). The plugin comes from this checkout (see the replace
# directive in go.mod).
#
# Usage: tools/golangci-lint/build.sh [output]   (default: bin/golangci-lint)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/bin/golangci-lint}
case $out in
/*) ;;
*) out=$PWD/$out ;;
esac

cd "$root/tools/golangci-lint"
# This module is not part of the repository's go.work.
GOWORK=off go build -trimpath -o "$out" .
echo "built $out: $("$out" version 2>&1 | head -n 1)"
