#!/usr/bin/env bash
# Installs digest on a fresh Debian/Ubuntu machine: the system libraries WeasyPrint
# draws the PDF with, the headless chromium the browser tests drive and newsboat, the
# feed reader the feed tests read with (only those missing; via sudo when not root),
# then a virtual environment in .venv with digest
# and its test tools, and from npm in .venv/node axe-core (accessibility checks) and Pagefind
# (the web edition's search index).
set -euo pipefail
cd "$(dirname "$0")"

packages="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils chromium newsboat"
if command -v dpkg >/dev/null && command -v apt-get >/dev/null; then
  missing=""
  for pkg in $packages; do dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"; done
  if [ -n "$missing" ]; then
    as_root=""; [ "$(id -u)" = 0 ] || as_root="sudo"
    $as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends $missing
  fi
fi

python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[test]'
if command -v npm >/dev/null; then
  npm install --silent --no-save --no-audit --no-fund --prefix .venv/node axe-core@4 pagefind@1
else
  echo "npm not found: the accessibility tests (axe-core) will be skipped and the site will have no search (Pagefind)" >&2
fi
echo "digest installed in .venv (run: .venv/bin/digest build)"
