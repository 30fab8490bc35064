#!/usr/bin/env bash
# The page tests drive Debian's Chromium headless (test/support/browser.ts), never a downloaded
# browser. Installs it with apt-get when it is missing and this runs as root; otherwise says what to do.
# Run by `npm test` (pretest) and .ci/run.
set -euo pipefail
chromium=${QUORUM_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "quorum: installing chromium for the page tests (apt-get)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "quorum: $chromium is missing: install Debian's chromium (sudo apt-get install chromium) or set QUORUM_CHROMIUM" >&2
  exit 1
fi
