#!/usr/bin/env bash
# Installs Debian's chromium (/usr/bin/chromium), which the report's browser test drives through Playwright
# (Playwright's own browser download does not work here). Idempotent. Called by .ci/run, and by
# tests/Evident.EndToEnd.Tests when the browser is missing, so that a plain `dotnet test` works on a fresh machine.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
apt-get update -qq && apt-get install -y -qq chromium >/dev/null
[ -x /usr/bin/chromium ]
