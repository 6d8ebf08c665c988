#!/usr/bin/env bash
# Vendors Mermaid's browser build into static/vendor/mermaid/ (drawn by static/js/diagrams.js on pages with a
# diagram). Run by hand to upgrade (needs npm); the result is committed, so the site, tests and CI need no Node.
set -euo pipefail

MERMAID="mermaid@11.17.2"  # MIT

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/static/vendor/mermaid"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

tgz="$(cd "$WORK" && npm pack --silent "$MERMAID" | tail -n 1)"
tar -xzf "$WORK/$tgz" -C "$WORK"
rm -rf "$DEST"
mkdir -p "$DEST"
cp "$WORK/package/dist/mermaid.min.js" "$DEST/mermaid.min.js"
cp "$WORK/package/LICENSE" "$DEST/LICENSE"
cat >"$DEST/NOTICE.md" <<NOTICE
# static/vendor/mermaid/

Written by \`scripts/vendor_mermaid.sh\`; do not edit by hand.

| file | package | version | licence |
|---|---|---|---|
| \`mermaid.min.js\` | \`${MERMAID%@*}\` (Knut Sveidqvist and contributors) | ${MERMAID##*@} | MIT (\`LICENSE\`) |
NOTICE
echo "Vendored into $DEST:"
ls -la "$DEST"
