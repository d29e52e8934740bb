#!/usr/bin/env bash
# The benchmark drives load with wrk (C, light on the 2 cores), starts PostgreSQL and Pebble
# itself (ensure-test-deps.sh), times issuance against the peers lego and certbot, and probing
# against ssl-cert-check.
set -euo pipefail
bash "$(dirname "$0")/ensure-test-deps.sh"
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
# The issuance benchmark calls /usr/bin/lego and /usr/bin/certbot: the Debian packages.
[ -x /usr/bin/lego ] && dpkg -s lego >/dev/null 2>&1 || need+=(lego)
[ -x /usr/bin/certbot ] && dpkg -s certbot >/dev/null 2>&1 || need+=(certbot)
# The probing benchmark runs ssl-cert-check (Debian package) beside certkeeper's engine.
command -v ssl-cert-check >/dev/null 2>&1 || need+=(ssl-cert-check)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "npm run bench needs: ${need[*]} (Debian packages). Install them, e.g. sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing bench dependencies: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
