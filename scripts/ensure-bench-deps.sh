#!/usr/bin/env bash
# The benchmark drives load with wrk (C, light on the 2 cores) and starts PostgreSQL itself.
set -euo pipefail
bash "$(dirname "$0")/ensure-test-deps.sh"
command -v wrk >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
else
  echo "npm run bench needs wrk (Debian package wrk)" >&2; exit 1
fi
