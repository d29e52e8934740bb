#!/usr/bin/env bash
# Makes sure the real peers the test suite starts are on this machine: a PostgreSQL server
# (initdb, pg_ctl), the openssl CLI, curl, Pebble with challtestsrv (ACME), BIND9 (RFC 2136),
# nginx (a server certificates are deployed to), OpenSSH's sshd (an ssh deployment target), and Chromium with a font (the console's browser
# tests). Installs them with apt-get when missing and we are root.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# The restart test's DNS hook is a shell script publishing records with curl.
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v pebble >/dev/null 2>&1 || need+=(pebble)
command -v named >/dev/null 2>&1 || [ -x /usr/sbin/named ] || need+=(bind9)
command -v nsupdate >/dev/null 2>&1 || need+=(bind9-dnsutils)
# The deployment tests serve TLS from deployed files with nginx, started and reloaded by a hook.
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
# The ssh deployment tests write over SFTP to a real sshd started on a free loopback port.
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
# Debian's Chromium, driven by playwright-core (a browser download is never needed).
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The test suite needs: ${need[*]} (Debian packages). Install them, e.g. sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing test dependencies: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
