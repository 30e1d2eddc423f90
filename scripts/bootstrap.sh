#!/usr/bin/env bash
# Installs everything the repo needs on a fresh machine with Node 20, from the repo's own files:
# pnpm at the version pinned in package.json, the locked dependencies, and the Debian packages the
# tests start (redis-server, chromium). Safe to run again: each step is skipped when already satisfied.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  echo "› installing pnpm@$pnpm_version"
  # corepack cannot verify signatures against this registry, so npm installs the pinned pnpm
  npm install --global --no-fund --no-audit "pnpm@$pnpm_version" >/dev/null
fi

if ! command -v redis-server >/dev/null 2>&1; then
  echo "› installing redis-server (the shared rate-limit store tests start their own instance)"
  if [ "$(id -u)" = "0" ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
  # the package starts a system instance; the tests never use it
  ($sudo service redis-server stop || true) >/dev/null 2>&1
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "› installing chromium (apps/docs' test opens the built site in Debian's headless browser)"
  if [ "$(id -u)" = "0" ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

echo "› pnpm install --frozen-lockfile"
CI=true pnpm install --frozen-lockfile
