#!/usr/bin/env node
// @ts-nocheck
// Generates .gen/providers/heroku from the committed provider schema with cdktf's own generator, exactly as
// `cdktf get` would, but with no Terraform run and no network: `cdktf get` obtains the schema by running
// `terraform init` + `terraform providers schema -json`; here that step is replaced by reading schemas/heroku.schema.json
// (written by scripts/extract-provider-schema.sh from the real provider binary).
//
// Usage: node scripts/generate-bindings.js [outputDir]     (default: the codeMakerOutput of cdktf.json, i.e. .gen)
"use strict";

process.env.CHECKPOINT_DISABLE = "1"; // the generator otherwise reports usage to checkpoint-api.hashicorp.com

const fs = require("fs");
const path = require("path");
const { ConstructsMaker, TerraformProviderConstraint } = require("@cdktf/provider-generator");

const root = path.resolve(__dirname, "..");
const cdktfJson = JSON.parse(fs.readFileSync(path.join(root, "cdktf.json"), "utf8"));
const schemaFile = path.join(root, "schemas", "heroku.schema.json");

class CommittedSchemaConstructsMaker extends ConstructsMaker {
  constructor(options, schema) {
    super(options);
    this.committedSchema = schema;
  }

  async getSchemas() {
    return { providerSchema: this.committedSchema, moduleSchema: {} };
  }
}

async function main() {
  const outputDir = path.resolve(root, process.argv[2] ?? cdktfJson.codeMakerOutput);
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const declared = cdktfJson.terraformProviders.find((p) => p.startsWith("heroku/heroku@"));
  if (!declared) {
    throw new Error('cdktf.json terraformProviders must list "heroku/heroku@<constraint>"');
  }
  // `cdktf get` re-wraps each cdktf.json entry so that the constraint's fqn is its bare name; do the same, so that
  // the output is byte-identical to what `cdktf get` writes.
  const parsed = new TerraformProviderConstraint(declared);
  const constraint = new TerraformProviderConstraint({
    name: parsed.name,
    source: parsed.source,
    version: parsed.version,
    namespace: parsed.namespace,
  });

  fs.rmSync(path.join(outputDir, "providers", "heroku"), { recursive: true, force: true });
  const maker = new CommittedSchemaConstructsMaker(
    { targetLanguage: "typescript", codeMakerOutput: outputDir },
    schema,
  );
  await maker.generate([constraint]);
  console.log(`generated ${path.relative(root, outputDir) || "."}/providers/heroku from schemas/heroku.schema.json`);
}

main().catch((error) => {
  console.error(`generate-bindings: ${error.message}`);
  process.exit(1);
});
