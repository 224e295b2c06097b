#!/usr/bin/env bash
# `npm run test:mutation [-- <part> …] [<Stryker options>]`: mutation testing with Stryker, one run per part of
# scripts/mutation/parts.json (scripts/mutation/run.ts says more). The Terraform toolchain's settings are exported as
# for `npm test`, since some covering unit tests read them.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Stryker runs only on the Node.js its package.json's engines admit (10: 22 or later): said here, with how, rather
# than by a failure inside it.
if ! node -e '
  const wanted = require("@stryker-mutator/core/package.json").engines.node;
  const minimum = Number(/^>=(\d+)/.exec(wanted)[1]);
  if (Number(process.versions.node.split(".")[0]) < minimum) {
    console.error(`npm run test:mutation: Stryker needs Node.js ${wanted}, and this is ${process.version}; run it on a supported line: PATH="$(bash scripts/node-line.sh 24):$PATH" npm run test:mutation`);
    process.exit(1);
  }'; then
  exit 1
fi
eval "$(bash cli/toolchain.sh --env)"
exec node_modules/.bin/tsx scripts/mutation/run.ts "$@"
