#!/usr/bin/env bash
# Builds the astra-ingest image (docker/Dockerfile, context = repo root) with the docker daemon at DOCKER_HOST
# (or the default one). Used by `nx run astra-ingest-image:docker-build` and by smoke.sh.
#   ASTRA_IMAGE          tag to build                          (default astra-ingest:local)
#   ASTRA_BASE_IMAGE     BASE_IMAGE build arg                  (default node:MAJOR-bookworm-slim, MAJOR of ASTRA_NODE_VERSION)
#   ASTRA_YTDLP_SOURCE   YTDLP_SOURCE build arg: pip|debian    (default pip)
#   ASTRA_YTDLP_VERSION  pin a pip release of yt-dlp           (default: latest)
#   ASTRA_YTDLP_REFRESH  YTDLP_REFRESH build arg               (default: the ISO week, so "latest" is re-fetched weekly)
#   ASTRA_DOCKER_NETWORK network of the RUN steps              (default: the daemon's; smoke.sh uses host)
# Extra arguments go to `docker build` as they are (e.g. --no-cache, --pull).
set -euo pipefail
# shellcheck source=tools/docker/common.sh
source "$(dirname "$0")/common.sh"

base="${ASTRA_BASE_IMAGE:-node:${ASTRA_NODE_MAJOR}-bookworm-slim}"
# A plain `docker build` uses the Dockerfile's own default base: it must be the Node major these scripts pin.
dockerfile_major="$(sed -n 's/^ARG BASE_IMAGE=node:\([0-9]*\)-.*/\1/p' "$ASTRA_REPO_ROOT/docker/Dockerfile")"
[[ "$dockerfile_major" == "${ASTRA_NODE_VERSION_DEFAULT%%.*}" ]] ||
  die "docker/Dockerfile's default base is Node ${dockerfile_major:-?}, tools/docker/common.sh pins $ASTRA_NODE_VERSION_DEFAULT"
source_kind="${ASTRA_YTDLP_SOURCE:-pip}"
refresh="${ASTRA_YTDLP_REFRESH:-$(date -u +%G-W%V)}"
args=(
  build
  -f "$ASTRA_REPO_ROOT/docker/Dockerfile"
  -t "$ASTRA_IMAGE"
  --build-arg "BASE_IMAGE=$base"
  --build-arg "YTDLP_SOURCE=$source_kind"
  --build-arg "YTDLP_VERSION=${ASTRA_YTDLP_VERSION:-}"
  --build-arg "YTDLP_REFRESH=$refresh"
)
[[ -n "${ASTRA_DOCKER_NETWORK:-}" ]] && args+=(--network "$ASTRA_DOCKER_NETWORK")

log "building $ASTRA_IMAGE (base $base, yt-dlp from $source_kind)"
start=$SECONDS
docker_cli "${args[@]}" "$@" "$ASTRA_REPO_ROOT"
size="$(docker_cli image inspect --format '{{.Size}}' "$ASTRA_IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"
log "built $ASTRA_IMAGE in $((SECONDS - start)) s, $size"
