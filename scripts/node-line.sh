#!/usr/bin/env bash
# `bash scripts/node-line.sh <major>`: prints the bin folder of the Node.js release of that line (22, 24, 26, …) that
# scripts/node-lines.json names, which it installs once from the npm registry's `node` package (the Node.js project's
# own binaries) into the cache beside the offline toolchain's:
# ${HEROKU_FLOW_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/heroku-flow-cdktf}/node-<version>. For the tests and CI runs
# that exercise a Node.js line other than the machine's: PATH="$(bash scripts/node-line.sh 24):$PATH".
set -euo pipefail
major="${1:-}"
if [[ ! "$major" =~ ^[0-9]+$ ]]; then
  echo "usage: bash scripts/node-line.sh <major>: the major version of a Node.js line, e.g. 24 (got '${major}')" >&2
  exit 2
fi
releases="$(dirname "$0")/node-lines.json"
version="$(node -e '
  const [file, major] = process.argv.slice(1);
  const { releases } = JSON.parse(require("fs").readFileSync(file, "utf8"));
  console.log(releases.find((release) => release.split(".")[0] === major) ?? "");
' "$releases" "$major")"
if [[ -z "$version" ]]; then
  echo "node-line.sh: scripts/node-lines.json names no release of Node.js ${major}; add one there to test that line" >&2
  exit 1
fi
cache="${HEROKU_FLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/heroku-flow-cdktf}/node-${version}"
bin="${cache}/node_modules/node/bin"
if [[ ! -x "${bin}/node" ]]; then
  echo "Installing Node.js ${version} from the npm registry (package node@${version}) into ${cache}, once" >&2
  mkdir -p "$cache"
  # Its own package.json, so that npm installs here and not into a project above it.
  [[ -f "${cache}/package.json" ]] || echo '{ "private": true }' >"${cache}/package.json"
  npm install --prefix "$cache" --no-audit --no-fund --prefer-offline "node@${version}" >&2
fi
# The binary must be the release asked for and run on this machine.
installed="$("${bin}/node" --version)"
if [[ "$installed" != "v${version}" ]]; then
  echo "node-line.sh: ${bin}/node is ${installed}, not Node.js ${version}" >&2
  exit 1
fi
echo "$bin"
