#!/usr/bin/env bash
# `bash scripts/node-line.sh <major>`: prints the bin folder of a Node.js of that release line (22, 24, 26, …), which
# it installs once from the npm registry's `node` package (the Node.js project's own binaries) into the cache beside
# the offline toolchain's: ${HEROKU_FLOW_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/heroku-flow-cdktf}/node-<major>. For the
# tests and CI runs that exercise a Node.js line other than the machine's: PATH="$(bash scripts/node-line.sh 24):$PATH".
set -euo pipefail
major="${1:-}"
if [[ ! "$major" =~ ^[0-9]+$ ]]; then
  echo "usage: bash scripts/node-line.sh <major>: the major version of a Node.js line, e.g. 24 (got '${major}')" >&2
  exit 2
fi
cache="${HEROKU_FLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/heroku-flow-cdktf}/node-${major}"
bin="${cache}/node_modules/node/bin"
if [[ ! -x "${bin}/node" ]]; then
  echo "Installing Node.js ${major} from the npm registry (package node@${major}) into ${cache}, once" >&2
  mkdir -p "$cache"
  # Its own package.json, so that npm installs here and not into a project above it.
  [[ -f "${cache}/package.json" ]] || echo '{ "private": true }' >"${cache}/package.json"
  npm install --prefix "$cache" --no-audit --no-fund --prefer-offline "node@${major}" >&2
fi
# The binary must be of the line asked for and run on this machine.
version="$("${bin}/node" --version)"
if [[ "$version" != "v${major}."* ]]; then
  echo "node-line.sh: ${bin}/node is ${version}, not Node.js ${major}" >&2
  exit 1
fi
echo "$bin"
