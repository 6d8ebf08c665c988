#!/usr/bin/env bash
# The Nu HTML Checker for tests/seo/test_html_valid.py: the npm package vnu-jar (the checker's own jar) inside the
# git-ignored venv, run on the machine's Java. Installs a headless JRE from the distribution only when java is missing.
set -euo pipefail
VNU_VERSION=26.9.27
prefix=${VNU_PREFIX:-.venv/vnu}
jar=$prefix/node_modules/vnu-jar/build/dist/vnu.jar
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v java >/dev/null; then
  echo "java not found: installing default-jre-headless from the distribution's packages"
  apt_install default-jre-headless
fi
installed=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$prefix/node_modules/vnu-jar/package.json" 2>/dev/null || true)
if [ -f "$jar" ] && [ "$installed" = "$VNU_VERSION" ]; then exit 0; fi
if ! command -v npm >/dev/null; then
  echo "npm not found: installing it from the distribution's packages"
  apt_install npm
fi
echo "Installing the Nu HTML Checker (vnu-jar $VNU_VERSION) into $prefix"
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "vnu-jar@$VNU_VERSION" >/dev/null
test -f "$jar" || { echo "vnu.jar not found at $jar after npm install" >&2; exit 1; }
