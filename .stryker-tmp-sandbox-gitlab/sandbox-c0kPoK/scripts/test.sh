#!/usr/bin/env bash
# The test command (`npm test`): prepares the offline Terraform toolchain if needed, exports its settings so that the
# tests' real `terraform init/validate` find the locally built providers, then runs Jest. Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(bash scripts/toolchain.sh --env)"
exec node_modules/.bin/jest --ci "$@"
