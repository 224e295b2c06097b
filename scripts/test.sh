#!/usr/bin/env bash
# The test command (`npm test`): builds the package (the tests run the `heroku-flow` bin as users do), prepares the
# offline Terraform toolchain if needed (with the CircleCI and Dokku providers), exports its settings so that the
# tests' real `terraform init/validate` find the locally built providers, then runs Jest. Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build:lib
# The end-to-end tests deploy a CircleCI side too, and the Dokku stacks are validated: their providers, built only on
# request, are asked for here.
eval "$(HEROKU_FLOW_PROVIDERS=circleci,dokku bash cli/toolchain.sh --env)"
exec node_modules/.bin/jest --ci "$@"
