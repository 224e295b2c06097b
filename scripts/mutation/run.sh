#!/usr/bin/env bash
# `npm run test:mutation [-- <part> …] [<Stryker options>]`: mutation testing with Stryker, one run per part of
# scripts/mutation/parts.json (scripts/mutation/run.ts says more). The Terraform toolchain's settings are exported as
# for `npm test`, since some covering unit tests read them.
set -euo pipefail
cd "$(dirname "$0")/../.."
eval "$(bash cli/toolchain.sh --env)"
exec node_modules/.bin/tsx scripts/mutation/run.ts "$@"
