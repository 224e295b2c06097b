#!/usr/bin/env bash
# Writes schemas/<name>.schema.json: a provider's real schema, read from the binary in the toolchain's mirror with
# `terraform providers schema -json`, plus the `provider_versions` that `terraform version -json` reports (the same two
# steps `cdktf get` performs). <name> is a provider of cdktf.json's terraformProviders (default: heroku). Run it after
# changing that provider's version; then `npm run gen`.
#
# Usage: scripts/extract-provider-schema.sh [name]
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:-heroku}"
# The provider's source and version constraint as cdktf.json declares them ("<namespace>/<name>@<constraint>").
declared=$(node -e '
  const name = process.argv[1];
  const entry = require("./cdktf.json").terraformProviders.find((p) => p.split("@")[0].split("/").pop().toLowerCase() === name);
  if (entry) console.log(entry);
' "$name")
if [[ -z "$declared" ]]; then
  printf 'extract-provider-schema: cdktf.json terraformProviders lists no provider named "%s"; it lists: %s\n' \
    "$name" "$(node -p 'require("./cdktf.json").terraformProviders.join(", ")')" >&2
  exit 2
fi
source="${declared%%@*}"
constraint="${declared#*@}"

# Providers built only on demand (such as circleci) are built when named here; the others are always built.
eval "$(HEROKU_FLOW_PROVIDERS="$name" bash cli/toolchain.sh --env)"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat >"$scratch/main.tf.json" <<JSON
{
  "terraform": { "required_providers": { "$name": { "source": "$source", "version": "$constraint" } } },
  "provider": { "$name": [{}] }
}
JSON

"$TERRAFORM_BINARY_NAME" -chdir="$scratch" init -input=false -no-color >"$scratch/init.log" 2>&1 || {
  cat "$scratch/init.log" >&2
  exit 1
}
"$TERRAFORM_BINARY_NAME" -chdir="$scratch" providers schema -json >"$scratch/schema.json"
"$TERRAFORM_BINARY_NAME" -chdir="$scratch" version -json >"$scratch/version.json"

mkdir -p schemas
node - "$scratch/schema.json" "$scratch/version.json" "schemas/$name.schema.json" <<'JS'
const fs = require("fs");
const [schemaPath, versionPath, outPath] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
schema.provider_versions = JSON.parse(fs.readFileSync(versionPath, "utf8")).provider_selections;
fs.writeFileSync(outPath, JSON.stringify(schema, null, 1) + "\n");
console.log(`wrote ${outPath}: ${JSON.stringify(schema.provider_versions)}`);
JS
