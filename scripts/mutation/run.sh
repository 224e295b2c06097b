#!/usr/bin/env bash
# `npm run test:mutation [-- <Stryker options>]`: mutation testing with Stryker (stryker.config.mjs), then the score
# per folder from its JSON report (scripts/mutation/score.ts), which fails the command below a folder's threshold.
# The Terraform toolchain's settings are exported as for `npm test`, since some covering unit tests read them.
set -euo pipefail
cd "$(dirname "$0")/../.."
eval "$(bash scripts/toolchain.sh --env)"
node_modules/.bin/stryker run "$@"
exec node_modules/.bin/tsx scripts/mutation/score.ts
