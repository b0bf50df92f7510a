#!/usr/bin/env bash
# Makes the local stand-in for `node:MAJOR-bookworm-slim` when no container registry is reachable:
#   debootstrap --variant=minbase bookworm  +  Node.js $ASTRA_NODE_VERSION from the npm registry (tools/install-node.sh,
#   the official binary) and this host's npm  →  `docker import`.
# The rootfs tarball is cached under tmp/docker/ (keyed by the Node version) so a second run only imports it.
# Needs root, debootstrap, and a running docker daemon (DOCKER_HOST). Usage: make-base-image.sh [IMAGE]
set -euo pipefail
# shellcheck source=tools/docker/common.sh
source "$(dirname "$0")/common.sh"

image="${1:-$ASTRA_LOCAL_BASE_IMAGE}"
node_bin="$(bash "$ASTRA_REPO_ROOT/tools/install-node.sh" "$ASTRA_NODE_VERSION")/node"
node_version="$("$node_bin" --version)"
npm_dir="$(dirname "$(readlink -f "$(command -v npm)")")/.."
npm_dir="$(cd "$npm_dir" && pwd)"
[[ -f "$npm_dir/package.json" ]] || die "cannot find npm's folder (looked at $npm_dir)"
# The host's npm goes into the image (the official images ship one too): its engines must accept the image's Node.
npm_version="$("$node_bin" -p "require('$npm_dir/package.json').version")"
"$node_bin" -e "
  const semver = require('$npm_dir/node_modules/semver');
  const range = require('$npm_dir/package.json').engines.node;
  if (!semver.satisfies(process.version, range)) { console.error('npm ' + '$npm_version' + ' needs Node ' + range); process.exit(1); }
" || die "the host's npm ($npm_dir) does not run on the image's Node $node_version"

# The local base trusts what this host trusts: its CA bundle and local CAs go into the image (a TLS-inspecting
# egress proxy, as on this machine kind, would otherwise break npm inside the build). Never pushed anywhere.
host_bundle=/etc/ssl/certs/ca-certificates.crt
ca_tag=none
if [[ "${ASTRA_BASE_HOST_CA:-1}" == 1 && -s "$host_bundle" ]]; then
  ca_tag="$(sha256sum "$host_bundle" | cut -c1-12)"
fi

cache_dir="${ASTRA_DOCKER_CACHE:-$ASTRA_REPO_ROOT/tmp/docker}"
tarball="$cache_dir/base-bookworm-node-${node_version}-npm-${npm_version}-ca-${ca_tag}.tar"
mkdir -p "$cache_dir"

present_node="$( (docker_cli image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$image" 2>/dev/null || true) | sed -n 's/^NODE_VERSION=//p')"
if [[ "$present_node" == "${node_version#v}" ]]; then
  log "base image $image (Node $present_node) already present"
  exit 0
fi

if [[ ! -s "$tarball" ]]; then
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install -y debootstrap)"
  rootfs="$(mktemp -d "$cache_dir/rootfs.XXXXXX")"
  trap 'rm -rf "$rootfs"' EXIT
  log "debootstrap --variant=minbase bookworm (about a minute)"
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >"$cache_dir/debootstrap.log" 2>&1 \
    || { tail -n 20 "$cache_dir/debootstrap.log" >&2; die "debootstrap failed (log: $cache_dir/debootstrap.log)"; }

  # Same layout as the official image: node and npm under /usr/local.
  install -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

  # Slim it like the -slim images: no apt caches, docs or man pages.
  cat >"$rootfs/etc/apt/sources.list" <<'SOURCES'
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/info/*\n' \
    >"$rootfs/etc/dpkg/dpkg.cfg.d/01-slim"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/*.log
  : >"$rootfs/etc/hostname"
  if [[ "$ca_tag" != none ]]; then
    mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/usr/local/share/ca-certificates"
    cp "$host_bundle" "$rootfs/etc/ssl/certs/ca-certificates.crt"
    # Picked up again by update-ca-certificates when an image installs the ca-certificates package.
    find /usr/local/share/ca-certificates -maxdepth 1 -name '*.crt' -exec cp '{}' "$rootfs/usr/local/share/ca-certificates/" ';' 2>/dev/null || true
  fi

  log "writing $tarball"
  tar --numeric-owner -C "$rootfs" -cf "$tarball.part" .
  mv "$tarball.part" "$tarball"
fi

changes=()
[[ "$ca_tag" != none ]] && changes+=(--change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt')
log "docker import → $image"
docker_cli import "${changes[@]}" \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=${node_version#v}" \
  --change 'CMD ["node"]' \
  "$tarball" "$image" >/dev/null
log "base image $image: $(docker_cli image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}')"
