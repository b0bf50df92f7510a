#!/usr/bin/env bash
# Stops the private dockerd started by dockerd-start.sh DIR (SIGTERM, then SIGKILL after 30 s) and its
# containers. With --purge, also deletes DIR (images, layers, logs). Safe to call when it is not running.
# Usage: dockerd-stop.sh DIR [--purge]
set -uo pipefail
# shellcheck source=tools/docker/common.sh
source "$(dirname "$0")/common.sh"

dir="${1:?usage: dockerd-stop.sh DIR [--purge]}"
[[ -d "$dir" ]] || exit 0
dir="$(cd "$dir" && pwd)"
sock="$dir/docker.sock"

if [[ -S "$sock" ]]; then
  ids="$(DOCKER_HOST="unix://$sock" docker_cli ps -aq 2>/dev/null || true)"
  # shellcheck disable=SC2086
  [[ -n "$ids" ]] && DOCKER_HOST="unix://$sock" docker_cli rm -f $ids >/dev/null 2>&1
fi

pid=""
[[ -f "$dir/dockerd.pid" ]] && pid="$(cat "$dir/dockerd.pid")"
[[ -z "$pid" && -f "$dir/dockerd.launcher.pid" ]] && pid="$(cat "$dir/dockerd.launcher.pid")"
if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    log "dockerd $pid did not stop in 30 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null
    sleep 1
  fi
  log "dockerd stopped ($dir)"
fi
rm -f "$dir/dockerd.launcher.pid"

# Left-over mounts (a killed daemon) would make the data root impossible to delete.
if command -v findmnt >/dev/null; then
  findmnt -rn -o TARGET | grep -F "$dir/" | sort -r | while read -r target; do umount -l "$target" 2>/dev/null; done
fi

if [[ "${2:-}" == --purge ]]; then
  rm -rf "$dir"
  log "removed $dir"
fi
exit 0
