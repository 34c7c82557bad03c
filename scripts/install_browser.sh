#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it by path; no browser downloads).
# As root, installs the `chromium` package when /usr/bin/chromium is absent; elsewhere says so.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install_browser: /usr/bin/chromium missing and not root; browser tests will skip" >&2
  exit 0
fi
echo "install_browser: installing chromium" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
