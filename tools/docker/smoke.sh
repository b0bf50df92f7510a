#!/usr/bin/env bash
# Builds the astra-ingest image and smoke-tests it (tools/docker/smoke-image.ts: the container, then one real job
# end to end against Redis, a media server, S3 and astra-core on this host, container on --network host).
#
#   smoke.sh            use the docker daemon at hand (DOCKER_HOST or the default socket), base
#                       node:MAJOR-bookworm-slim (common.sh), yt-dlp from pip: what GitHub Actions runs.
#   smoke.sh --offline  no registry needed (this machine kind, .ci/run): installs docker.io + debootstrap when
#                       missing, starts a private dockerd (own data root, socket, no bridge/iptables), makes the
#                       base image locally (debootstrap + Node $ASTRA_NODE_VERSION from npm), builds with Debian's yt-dlp, and
#                       always stops the daemon and deletes its data root at the end.
#   --basic             container checks only (no end-to-end job).
#
# Env: ASTRA_IMAGE (tag, default astra-ingest:local); ASTRA_DOCKER_DIR (offline: keep the private daemon's data
# root there between runs, a layer cache; default a fresh folder under tmp/ that is deleted); the build knobs of
# build-image.sh. Needs on the host: node_modules (npm ci), redis-server, ffmpeg and espeak-ng (the session is
# synthesised here), and root for --offline.
set -euo pipefail
# shellcheck source=tools/docker/common.sh
source "$(dirname "$0")/common.sh"
cd "$ASTRA_REPO_ROOT"

offline=0
smoke_args=()
for arg in "$@"; do
  case "$arg" in
    --offline) offline=1 ;;
    --basic) smoke_args+=(--basic) ;;
    *) die "unknown argument $arg (usage: smoke.sh [--offline] [--basic])" ;;
  esac
done

started=$SECONDS
dockerd_dir=""
purge=""
cleanup() {
  local code=$?
  if [[ -n "$dockerd_dir" ]]; then
    bash "$ASTRA_REPO_ROOT/tools/docker/dockerd-stop.sh" "$dockerd_dir" $purge || true
  fi
  log "smoke finished in $((SECONDS - started)) s (exit $code)"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ $offline == 1 ]]; then
  missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [[ -n "${ASTRA_DOCKER_DIR:-}" ]]; then
    dockerd_dir="$ASTRA_DOCKER_DIR"
  else
    mkdir -p tmp/docker
    dockerd_dir="$(mktemp -d "$ASTRA_REPO_ROOT/tmp/docker/dockerd.XXXXXX")"
    purge=--purge
  fi
  eval "$(bash tools/docker/dockerd-start.sh "$dockerd_dir")"
  # The daemon's embedded BuildKit works with docker.io's 20.10 CLI without buildx, offline (no `# syntax=`
  # line in the Dockerfile), and builds the stages in parallel (~190 s instead of ~270 s from scratch here).
  # DOCKER_BUILDKIT=0 selects the classic builder; the Dockerfile works with both.
  export DOCKER_BUILDKIT="${DOCKER_BUILDKIT:-1}"
  bash tools/docker/make-base-image.sh "$ASTRA_LOCAL_BASE_IMAGE"
  export ASTRA_BASE_IMAGE="$ASTRA_LOCAL_BASE_IMAGE" ASTRA_YTDLP_SOURCE=debian ASTRA_DOCKER_NETWORK=host
fi

build_start=$SECONDS
bash tools/docker/build-image.sh
log "image build: $((SECONDS - build_start)) s"

# NODE_NO_WARNINGS: the AWS SDK's "Node 20 support ends" notice from the host-side S3 client is noise here.
NODE_NO_WARNINGS=1 npx tsx --conditions=@astra/source tools/docker/smoke-image.ts --image "$ASTRA_IMAGE" \
  --node-major "$ASTRA_NODE_MAJOR" "${smoke_args[@]}"
