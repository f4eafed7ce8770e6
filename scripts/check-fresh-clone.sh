#!/usr/bin/env bash
# Proves that `npx licence-desk` works right after `npm ci` on a fresh clone (the bundle is built
# by `prepare`, nothing else): clones HEAD into a temporary folder, installs, runs the CLI there.
# Slow (npm ci compiles better-sqlite3), so it is a scripted check, not part of npm test.
# Usage: scripts/check-fresh-clone.sh [commit]   (default HEAD; keeps nothing afterwards)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
commit="${1:-HEAD}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/ld-fresh-clone-XXXXXX")"
trap 'rm -rf "$dir"' EXIT
[[ -z "${KEEP:-}" ]] || trap 'echo "kept $dir" >&2' EXIT
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
fail() { echo "FAIL: $*" >&2; exit 1; }

git clone --quiet --no-hardlinks "$repo" "$dir/clone"
cd "$dir/clone"
git checkout --quiet "$commit"
[[ ! -e out ]] || fail "a fresh clone has out/ already"
npm ci --no-audit --no-fund --prefer-offline --loglevel=error

[[ -f out/cli/main.mjs ]] || fail "npm ci did not build out/cli (prepare)"
mtime() { node -p "require('node:fs').statSync('$1').mtimeMs"; }
built="$(mtime out/cli/inputs.json)"
# Sources newer than the bundle would make the launcher rebuild it: name them.
newer="$(node -e "
const fs = require('node:fs'), m = JSON.parse(fs.readFileSync('out/cli/inputs.json', 'utf8'));
const at = fs.statSync('out/cli/inputs.json').mtimeMs;
console.log(m.inputs.filter((f) => !fs.existsSync(f) || fs.statSync(f).mtimeMs > at).join(' '));")"
[[ -z "$newer" ]] || fail "after npm ci these sources are newer than the bundle: $newer"
want="$(node -p "require('./package.json').version")"
direct="$(node bin/licence-desk.mjs --version)"
[[ "$(mtime out/cli/inputs.json)" == "$built" ]] || fail "bin/licence-desk.mjs --version rebuilt the bundle npm ci built"
# npx's first run in a project runs npm's own `prepare` once more (it rewrites inputs.json); the
# bundle's files are only rewritten when their content changes, so they must stay as npm ci built them.
bundle="$(mtime out/cli/main.mjs)"
got="$(npx --no-install licence-desk --version)"
[[ "$direct" == "$got" ]] || fail "node bin/licence-desk.mjs and npx licence-desk disagree: $direct / $got"
[[ "$got" == "$want" ]] || fail "npx licence-desk --version printed '$got', not '$want'"
npx --no-install licence-desk --data "$dir/data" init >/dev/null
npx --no-install licence-desk --data "$dir/data" device add --serial FRESH-0001 --model comtrexx-vm >/dev/null
list="$(npx --no-install licence-desk --data "$dir/data" device list --json)"
[[ "$list" == *'"serial": "FRESH-0001"'* ]] || fail "device list does not show the device just added: $list"
[[ "$(mtime out/cli/main.mjs)" == "$bundle" ]] || fail "the bundle npm ci built was not current: it was rebuilt"
echo "OK: fresh clone of $(git rev-parse --short HEAD): npm ci built out/cli; npx licence-desk --version = $got; init, device add, device list --json work"
