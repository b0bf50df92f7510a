# Shared helpers for the tools/docker scripts (sourced, not run).
# shellcheck shell=bash

ASTRA_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ASTRA_REPO_ROOT

# The image's Node.js: the major of docker/Dockerfile's default base (node:MAJOR-bookworm-slim), and the exact
# release the offline build puts in its local stand-in (from the npm registry, tools/install-node.sh).
ASTRA_NODE_VERSION_DEFAULT=22.23.3
: "${ASTRA_NODE_VERSION:=$ASTRA_NODE_VERSION_DEFAULT}"
ASTRA_NODE_MAJOR="${ASTRA_NODE_VERSION%%.*}"

# Image names used by the scripts (override with env).
: "${ASTRA_IMAGE:=astra-ingest:local}"
: "${ASTRA_LOCAL_BASE_IMAGE:=local/node:${ASTRA_NODE_MAJOR}-bookworm-slim}"

log() { printf '[docker] %s\n' "$*" >&2; }
die() { printf '[docker] error: %s\n' "$*" >&2; exit 1; }

# The docker CLI that ships with docker.io (same version as its dockerd) when present, else whatever is on PATH.
docker_cli() {
  if [[ -x /usr/bin/docker ]]; then /usr/bin/docker "$@"; else command docker "$@"; fi
}

# Scripts run with `set -e`: say where one stopped instead of exiting silently.
if [[ $- == *e* ]]; then
  trap 'printf "[docker] %s: command failed at line %s: %s\n" "${0##*/}" "$LINENO" "$BASH_COMMAND" >&2' ERR
fi
