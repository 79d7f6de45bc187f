#!/usr/bin/env bash
# Checks that a gopls built by tools/gopls/build.sh runs the mongocas
# analyzer: "gopls check" must report the lost update in
# example/inventory/inventory.go, and "gopls codeaction" must offer the
# analyzer's fix for it as a quick fix.
#
# Usage: tools/gopls/check.sh [GOPLS]
#
#   GOPLS  the gopls binary to check; without it, build.sh builds
#          bin/gopls-mongocas first (build.sh's environment applies).
#
# Exits 0 when both checks pass, 1 with a one-line reason when not.
set -euo pipefail

prog=tools/gopls/check.sh
fail() {
	echo "$prog: FAIL: $*" >&2
	exit 1
}

case "${1:-}" in
-h | --help)
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p;}' "${BASH_SOURCE[0]}"
	exit 0
	;;
esac
[ $# -le 1 ] || fail "too many arguments (usage: $prog [GOPLS])"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(cd "$here/../.." && pwd -P)

if [ $# -eq 1 ]; then
	case "$1" in
	/*) gopls=$1 ;;
	*) gopls=$PWD/$1 ;;
	esac
else
	gopls=$repo/bin/gopls-mongocas
	"$here/build.sh" "$gopls" >&2 || fail "build.sh could not build $gopls"
fi
[ -x "$gopls" ] || fail "$gopls is not an executable file"

# Run from the repository root so that its go.work (. and ./example) applies.
cd "$repo"
file=example/inventory/inventory.go
want='sets "qty" but its filter matches only "_id"'
# shellcheck disable=SC2016 # $inc is MongoDB's operator, not a shell expansion
fix='Use $inc for "qty"'

# 1. The diagnostic.
out=$("$gopls" check "$file" 2>&1) || fail "gopls check $file exited with status $?: $(printf '%s' "$out" | tail -n 1)"
diag=$(printf '%s\n' "$out" | grep -m 1 -F -- "$want") ||
	fail "gopls check $file reported no mongocas diagnostic containing '$want'"
echo "gopls check: $diag"

# Its position, FILE:LINE:COL[-COL]: message.
pos=$(printf '%s\n' "$diag" | sed -n 's/^.*inventory\.go:\([0-9][0-9]*\):\([0-9][0-9]*\).*$/\1:\2/p')
[ -n "$pos" ] || fail "cannot read a line:column from the diagnostic: $diag"

# 2. The quick fix, where this gopls has the codeaction command.
help=$("$gopls" codeaction -help 2>&1 || true)
if ! printf '%s\n' "$help" | grep -q -- '-kind'; then
	echo "gopls codeaction: not available in $("$gopls" version | head -n 1); quick fix not checked"
	exit 0
fi
out=$("$gopls" codeaction -kind=quickfix "$file:$pos" 2>&1) ||
	fail "gopls codeaction -kind=quickfix $file:$pos exited with status $?: $(printf '%s' "$out" | tail -n 1)"
# Titles are printed Go-quoted: "Use $inc for \"qty\"".
quoted=${fix//\"/\\\"}
action=$(printf '%s\n' "$out" | grep -F -- "\"$quoted\"" | grep -m 1 -F '[quickfix]') ||
	fail "gopls codeaction offers no quick fix '$fix' at $file:$pos (got: $(printf '%s' "$out" | tr '\n\t' '; '))"
echo "gopls codeaction: $action"

# 3. The fix's edit, shown as a diff (-diff without -write leaves the file alone).
sum=$(cksum <"$file")
# shellcheck disable=SC2016
out=$("$gopls" codeaction -kind=quickfix -title='^Use \$inc for "qty"$' -exec -diff "$file:$pos" 2>&1) ||
	fail "gopls codeaction -exec -diff $file:$pos exited with status $?: $(printf '%s' "$out" | tail -n 1)"
[ "$(cksum <"$file")" = "$sum" ] || fail "gopls codeaction -diff modified $file"
# shellcheck disable=SC2016
edit=$(printf '%s\n' "$out" | grep -E '^\+[^+]' | grep -m 1 -F -- '"$inc": bson.M{"qty": -1}') ||
	fail "the quick fix '$fix' does not change the update to \$inc (got: $(printf '%s' "$out" | tr '\n\t' '; '))"
echo "gopls codeaction -exec -diff: $(printf '%s' "$edit" | sed 's/^+[[:space:]]*/+ /')"
# One configuration: with a .golangci.yml whose mongocas settings make
# "qty" a last-write-wins field, the same file has no such diagnostic.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R example/. "$tmp/"
out=$(cd "$tmp" && "$gopls" check inventory/inventory.go 2>&1) || fail "gopls check in a copy of the example exited with status $?: $(printf '%s' "$out" | tail -n 1)"
printf '%s\n' "$out" | grep -q -F -- "$want" || fail "gopls check in a copy of the example reported no '$want': $out"
cat >"$tmp/.golangci.yml" <<'YAML'
version: "2"
linters:
  default: none
  enable: [mongocas]
  settings:
    custom:
      mongocas:
        type: module
        settings:
          ignore-fields: [qty]
YAML
# gopls caches a package's analysis on disk by the analyzers' names, not
# their settings: a result cached by the run above could be read back.
out=$(cd "$tmp" && GOPLSCACHE="$tmp/.gopls-cache" "$gopls" check inventory/inventory.go 2>&1) || fail "gopls check with a .golangci.yml exited with status $?: $(printf '%s' "$out" | tail -n 1)"
if printf '%s\n' "$out" | grep -q -F -- "$want"; then
	fail "gopls check ignored the mongocas settings of .golangci.yml (ignore-fields: [qty]): $out"
fi
echo "gopls check with ignore-fields: [qty] in .golangci.yml: no diagnostic on qty"
echo "ok: $("$gopls" version | head -n 1) reports mongocas diagnostics, offers their quick fixes and reads .golangci.yml"
