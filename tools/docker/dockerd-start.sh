#!/usr/bin/env bash
# Starts a private dockerd that shares nothing with a system one: its own data root, exec root, pidfile and
# socket under DIR, no bridge and no iptables rules (builds and containers use --network host).
# Usage: dockerd-start.sh DIR   → prints `export DOCKER_HOST=unix://DIR/docker.sock` on stdout.
# Stop it with dockerd-stop.sh DIR. Needs root and dockerd (apt-get install -y docker.io).
set -euo pipefail
# shellcheck source=tools/docker/common.sh
source "$(dirname "$0")/common.sh"

dir="${1:?usage: dockerd-start.sh DIR}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
sock="$dir/docker.sock"
command -v dockerd >/dev/null || die "dockerd is not installed (apt-get install -y docker.io)"
if [[ -f "$dir/dockerd.pid" ]] && kill -0 "$(cat "$dir/dockerd.pid")" 2>/dev/null; then
  die "a dockerd already runs for $dir (pid $(cat "$dir/dockerd.pid"))"
fi

# setsid: the daemon must not get the Ctrl-C / SIGHUP of the shell that started it.
setsid dockerd \
  --data-root "$dir/data" \
  --exec-root "$dir/exec" \
  --pidfile "$dir/dockerd.pid" \
  --host "unix://$sock" \
  --bridge none --iptables=false --ip-masq=false \
  >"$dir/dockerd.log" 2>&1 </dev/null &
echo $! >"$dir/dockerd.launcher.pid"

for _ in $(seq 1 120); do
  if DOCKER_HOST="unix://$sock" docker_cli version >/dev/null 2>&1; then
    log "dockerd ready on unix://$sock (pid $(cat "$dir/dockerd.pid"))"
    echo "export DOCKER_HOST=unix://$sock"
    exit 0
  fi
  kill -0 "$(cat "$dir/dockerd.launcher.pid")" 2>/dev/null || break
  sleep 0.5
done
tail -n 30 "$dir/dockerd.log" >&2
die "dockerd did not start (log: $dir/dockerd.log)"
