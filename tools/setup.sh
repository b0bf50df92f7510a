#!/usr/bin/env bash
# One-time setup of a Debian 12 machine for astra-ingest: the system tools the pipeline and its
# tests run for real, then the npm dependencies. Safe to run again (installs only what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(ffmpeg yt-dlp espeak-ng sox redis-server tmux chromium ca-certificates)

# The range of every package.json's engines.node: ^20.19 || ^22.12 || >=24.
node_version=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
IFS=. read -r node_major node_minor _ <<<"$node_version"
if ! { [ "$node_major" -eq 20 ] && [ "$node_minor" -ge 19 ]; } &&
  ! { [ "$node_major" -eq 22 ] && [ "$node_minor" -ge 12 ]; } &&
  ! [ "$node_major" -ge 24 ]; then
  echo "setup: Node.js ^20.19, ^22.12 or >=24 is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: yt-dlp $(yt-dlp --version), $(ffmpeg -version | head -n1 | cut -d' ' -f1-3), redis $(redis-server --version | cut -d' ' -f3)" >&2

npm ci --no-audit --no-fund
