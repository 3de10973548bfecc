#!/usr/bin/env bash
# Installs Debian's headless browser for the console's browser test: chromium and its matching chromedriver
# (browsers cannot be downloaded by the tests; Selenium is pointed at these). Does nothing when both are there.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

echo "ci: installing chromium and chromium-driver" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium chromium-driver >/dev/null
