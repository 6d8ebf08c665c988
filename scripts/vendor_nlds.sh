#!/usr/bin/env bash
# Vendors the NL Design System CSS, the open-licensed "voorbeeld" theme and its Noto fonts into
# static/vendor/. Run it by hand to upgrade (needs npm); the result is committed, so the site, the
# tests and CI need no Node. Versions are pinned here: change a version, run, review the diff.
#
# Not used on purpose: @utrecht/design-tokens and the rijkshuisstijl token packages (proprietary
# licences). Our own colours live in static/css/theme.css, on top of the voorbeeld theme.
set -euo pipefail

COMPONENTS="@utrecht/component-library-css@9.0.4"                      # EUPL-1.2
THEME="@nl-design-system-unstable/voorbeeld-design-tokens@7.4.1"        # EUPL-1.2
FONT_SANS="@fontsource/noto-sans@5.2.10"                                # OFL-1.1 (the theme's body font)
FONT_SERIF="@fontsource/noto-serif@5.2.6"                               # OFL-1.1 (the theme's heading font)

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

unpack() {  # unpack <package@version> <dir>: npm pack (no install, no node_modules) and untar
  local tgz
  tgz="$(cd "$WORK" && npm pack --silent "$1" | tail -n 1)"
  mkdir -p "$WORK/$2"
  tar -xzf "$WORK/$tgz" -C "$WORK/$2" --strip-components=1
}

unpack "$COMPONENTS" components
unpack "$THEME" theme
unpack "$FONT_SANS" noto-sans
unpack "$FONT_SERIF" noto-serif

rm -rf "$DEST/utrecht" "$DEST/voorbeeld" "$DEST/fonts" "$DEST/nlds"
mkdir -p "$DEST/utrecht" "$DEST/voorbeeld" "$DEST/fonts"

cp "$WORK/components/dist/index.css" "$DEST/utrecht/component-library.css"
cp "$WORK/components/LICENSE.md" "$DEST/utrecht/LICENSE.md"
cp "$WORK/theme/dist/theme.css" "$DEST/voorbeeld/theme.css"
cp "$WORK/theme/LICENSE.md" "$DEST/voorbeeld/LICENSE.md"

# Fonts: only the Latin subsets (Dutch and English text) in the weights and styles we use, woff2 only.
fonts_css="$DEST/fonts/fonts.css"
echo "/* Noto Sans and Noto Serif (SIL Open Font License 1.1, see OFL.txt), from $FONT_SANS and $FONT_SERIF. */" >"$fonts_css"
for spec in noto-sans:400 noto-sans:400-italic noto-sans:700 noto-serif:700; do
  family="${spec%%:*}" variant="${spec#*:}"
  for subset in latin-ext latin; do
    # Take fontsource's @font-face block for this subset from e.g. 400.css, keep only the woff2 source.
    awk -v name="/* $family-$subset-${variant%-italic}-$([[ $variant == *italic ]] && echo italic || echo normal) */" '
      $0 == name { keep = 1 }
      keep { print }
      keep && /^}/ { keep = 0; print "" }
    ' "$WORK/$family/$variant.css" \
      | sed -E "s#src: url\(\./files/([^)]+\.woff2)\) format\('woff2'\).*#src: url(./$family/\1) format('woff2');#" >>"$fonts_css"
    file="$family-$subset-${variant%-italic}-$([[ $variant == *italic ]] && echo italic || echo normal).woff2"
    mkdir -p "$DEST/fonts/$family"
    cp "$WORK/$family/files/$file" "$DEST/fonts/$family/"
  done
done
cp "$WORK/noto-sans/LICENSE" "$DEST/fonts/OFL.txt"

cat >"$DEST/NOTICE.md" <<EOF
# Third-party files in static/vendor/

Written by \`scripts/vendor_nlds.sh\`; do not edit by hand.

| files | package | version | licence |
|---|---|---|---|
| \`utrecht/component-library.css\` | \`${COMPONENTS%@*}\` (NL Design System, Gemeente Utrecht, Frameless B.V.) | ${COMPONENTS##*@} | EUPL-1.2 (\`utrecht/LICENSE.md\`) |
| \`voorbeeld/theme.css\` | \`${THEME%@*}\` (Community for NL Design System) | ${THEME##*@} | EUPL-1.2 (\`voorbeeld/LICENSE.md\`) |
| \`fonts/noto-sans/*\` | \`${FONT_SANS%@*}\` (Noto Sans, The Noto Project Authors) | ${FONT_SANS##*@} | OFL-1.1 (\`fonts/OFL.txt\`) |
| \`fonts/noto-serif/*\` | \`${FONT_SERIF%@*}\` (Noto Serif, The Noto Project Authors) | ${FONT_SERIF##*@} | OFL-1.1 (\`fonts/OFL.txt\`) |

The OSPO-NL colours are our own overrides in \`static/css/theme.css\`.
EOF

echo "Vendored into $DEST:"
(cd "$DEST" && find . -type f | sort)
