#!/bin/sh
# Regenerate docs/report.png: the HTML report of seeds/ in headless chromium.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python -m factcheck compare seeds --format html --output "$tmp/report.html" --quiet
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$tmp/profile" --window-size=1400,1000 \
  --screenshot=docs/report.png "file://$tmp/report.html"
