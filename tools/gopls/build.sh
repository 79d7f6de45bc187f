#!/usr/bin/env bash
# Builds gopls with the mongocas analyzer compiled in. Stock gopls cannot
# load third-party analyzers (golang/go#59869), so this script takes a pinned
# gopls release from the Go module proxy, adds one file of ours to it
# (tools/gopls/mongocas.go.tmpl, copied into gopls's internal/settings
# package, where it appends the analyzer to the list gopls runs, enabled by
# default) and builds it against this checkout of mongocas-lint.
#
# Usage: tools/gopls/build.sh [OUTPUT [WORKDIR]]
#
#   OUTPUT   the binary to write (default: bin/gopls-mongocas in the repo)
#   WORKDIR  a writable directory for the patched gopls source
#            (default: ${TMPDIR:-/tmp}/mongocas-gopls)
#
# Environment: GOPLS_VERSION overrides the pinned gopls release;
# GOPLS_OUTPUT and GOPLS_WORKDIR stand in for the arguments.
#
# Needs only Go and the module proxy from GOPROXY: "direct" is dropped from
# GOPROXY, so nothing is fetched from version control hosts.
set -euo pipefail

GOPLS_VERSION="${GOPLS_VERSION:-v0.23.0}"

prog=tools/gopls/build.sh
die() {
	echo "$prog: error: $*" >&2
	exit 1
}

case "${1:-}" in
-h | --help)
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p;}' "${BASH_SOURCE[0]}"
	exit 0
	;;
esac
[ $# -le 2 ] || die "too many arguments (usage: $prog [OUTPUT [WORKDIR]])"

command -v go >/dev/null 2>&1 || die "go is not on PATH"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(cd "$here/../.." && pwd -P)
template="$here/mongocas.go.tmpl"
[ -f "$template" ] || die "missing $template"
grep -q '^module github.com/mongocas/mongocas-lint$' "$repo/go.mod" 2>/dev/null ||
	die "$repo/go.mod is not the github.com/mongocas/mongocas-lint module"

# abspath PATH: PATH made absolute against the caller's working directory.
abspath() {
	case "$1" in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s\n' "$PWD/$1" ;;
	esac
}

output=$(abspath "${1:-${GOPLS_OUTPUT:-$repo/bin/gopls-mongocas}}")
workdir=$(abspath "${2:-${GOPLS_WORKDIR:-${TMPDIR:-/tmp}/mongocas-gopls}}")

case "$GOPLS_VERSION" in
v[0-9]*.[0-9]*.[0-9]*) ;;
*) die "GOPLS_VERSION=$GOPLS_VERSION is not a release version like v0.23.0" ;;
esac

# The patched gopls is a module of its own: no go.work may apply to it.
export GOWORK=off
# A static, cgo-free binary unless asked otherwise.
export CGO_ENABLED="${CGO_ENABLED:-0}"

# Module proxy only: drop "direct" (and "off") from GOPROXY.
proxies=
IFS=',|' read -r -a entries <<<"$(go env GOPROXY)"
for p in "${entries[@]}"; do
	case "$p" in
	'' | direct | off) ;;
	*) proxies="${proxies:+$proxies,}$p" ;;
	esac
done
[ -n "$proxies" ] || die "GOPROXY=$(go env GOPROXY) names no module proxy"
export GOPROXY="$proxies"

mkdir -p "$workdir" || die "cannot create work directory $workdir"
src="$workdir/gopls-$GOPLS_VERSION"

echo "== gopls $GOPLS_VERSION with the mongocas analyzer from $repo ($(go env GOVERSION))"

# 1. Download the release into the module cache.
if ! json=$(cd "$workdir" && go mod download -json "golang.org/x/tools/gopls@$GOPLS_VERSION" 2>&1); then
	reason=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Error":[[:space:]]*"\(.*\)",*$/\1/p' |
		sed 's/\\u003e/>/g; s/\\u003c/</g; s/\\n\\t/ /g; s/\\n/ /g; s/\\"/"/g')
	case "$reason" in
	*"requires go >="*) reason="$reason; set GOPLS_VERSION to an older gopls release or use a newer Go" ;;
	esac
	die "cannot download golang.org/x/tools/gopls@$GOPLS_VERSION: ${reason:-$json}"
fi
moddir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir":[[:space:]]*"\(.*\)",*$/\1/p')
if [ -z "$moddir" ] || [ ! -d "$moddir" ]; then
	die "go mod download gave no source directory for gopls@$GOPLS_VERSION: $json"
fi

# 2. Copy it to a writable directory (the module cache is read-only).
rm -rf "$src"
cp -R "$moddir" "$src" || die "cannot copy $moddir to $src"
chmod -R u+w "$src"

# 3. Add our file to gopls's internal/settings package. It relies on
# "var AllAnalyzers = ..." and the unexported fields analyzer and severity
# of settings.Analyzer; fail clearly if this gopls release has changed them.
settings="$src/internal/settings"
grep -Eqs '^var AllAnalyzers[[:space:]]*=' "$settings"/*.go ||
	die "gopls $GOPLS_VERSION has no 'var AllAnalyzers' in internal/settings; adapt $template"
grep -Eqs '^[[:space:]]+analyzer[[:space:]]+\*analysis\.Analyzer' "$settings"/*.go ||
	die "gopls $GOPLS_VERSION: settings.Analyzer has no field 'analyzer *analysis.Analyzer'; adapt $template"
grep -Eqs '^[[:space:]]+severity[[:space:]]+protocol\.DiagnosticSeverity' "$settings"/*.go ||
	die "gopls $GOPLS_VERSION: settings.Analyzer has no field 'severity protocol.DiagnosticSeverity'; adapt $template"
[ ! -e "$settings/mongocas.go" ] || die "$settings/mongocas.go already exists in gopls $GOPLS_VERSION"
cp "$template" "$settings/mongocas.go"

# 4. Require this checkout. gopls is built with the golang.org/x/tools
# version its release pins: it uses x/tools' internal packages, which change
# between x/tools releases, so the newer x/tools that mongocas-lint requires
# would not compile with it. The analyzer uses only x/tools' public API.
cd "$src"
xtools=$(go list -mod=mod -m -f '{{.Version}}' golang.org/x/tools) ||
	die "cannot read the golang.org/x/tools version required by gopls $GOPLS_VERSION"
go mod edit \
	-require=github.com/mongocas/mongocas-lint@v0.0.0 \
	-replace=github.com/mongocas/mongocas-lint="$repo" \
	-replace=golang.org/x/tools=golang.org/x/tools@"$xtools"

# 5. Build. -mod=mod records the new requirements in the copy's go.sum;
# main.version is what "gopls version" prints.
mkdir -p "$(dirname "$output")" || die "cannot create the directory of $output"
echo "== go build (golang.org/x/tools $xtools) -> $output"
go build -mod=mod -trimpath -buildvcs=false \
	-ldflags="-X main.version=$GOPLS_VERSION+mongocas" \
	-o "$output" . ||
	die "go build of the patched gopls $GOPLS_VERSION failed (source in $src)"

echo "== built $output ($("$output" version 2>/dev/null | head -n 1))"
