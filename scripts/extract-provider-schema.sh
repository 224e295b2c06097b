#!/usr/bin/env bash
# Writes schemas/heroku.schema.json: the real Heroku provider's schema, read from the binary in the toolchain's mirror
# with `terraform providers schema -json`, plus the `provider_versions` that `terraform version -json` reports (the
# same two steps `cdktf get` performs). Run it after changing the provider version; then `npm run gen`.
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(bash cli/toolchain.sh --env)"
constraint=$(node -p 'require("./cdktf.json").terraformProviders.find((p) => p.startsWith("heroku/heroku@")).split("@")[1]')

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat >"$scratch/main.tf.json" <<EOF
{
  "terraform": { "required_providers": { "heroku": { "source": "heroku/heroku", "version": "$constraint" } } },
  "provider": { "heroku": [{}] }
}
EOF

"$TERRAFORM_BINARY_NAME" -chdir="$scratch" init -input=false -no-color >"$scratch/init.log" 2>&1 || {
  cat "$scratch/init.log" >&2
  exit 1
}
"$TERRAFORM_BINARY_NAME" -chdir="$scratch" providers schema -json >"$scratch/schema.json"
"$TERRAFORM_BINARY_NAME" -chdir="$scratch" version -json >"$scratch/version.json"

mkdir -p schemas
node - "$scratch/schema.json" "$scratch/version.json" schemas/heroku.schema.json <<'EOF'
const fs = require("fs");
const [schemaPath, versionPath, outPath] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
schema.provider_versions = JSON.parse(fs.readFileSync(versionPath, "utf8")).provider_selections;
fs.writeFileSync(outPath, JSON.stringify(schema, null, 1) + "\n");
console.log(`wrote ${outPath}: ${JSON.stringify(schema.provider_versions)}`);
EOF
