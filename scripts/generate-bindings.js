#!/usr/bin/env node
// Generates .gen/providers/<name> for every provider in cdktf.json's terraformProviders from its committed schema with
// cdktf's own generator, exactly as `cdktf get` would, but with no Terraform run and no network: `cdktf get` obtains
// each schema by running `terraform init` + `terraform providers schema -json`; here that step is replaced by reading
// schemas/<name>.schema.json (written by scripts/extract-provider-schema.sh <name> from the real provider binary).
// All providers are generated in one run, as `cdktf get` does, because .gen/versions.json and .gen/constraints.json
// list every provider of that run.
//
// With `--engine cdktn` the same bindings are made by cdktn's generator (@cdktn/provider-generator, as `cdktn get` makes
// them): they import `cdktn` instead of `cdktf`, for a project that uses cdktn under its own name. This package's
// committed .gen is cdktf's, which also serves cdktn installed under the name cdktf (README, "cdktf or cdktn").
//
// Usage: node scripts/generate-bindings.js [outputDir] [--engine cdktf|cdktn]
//        (default: the codeMakerOutput of cdktf.json, i.e. .gen; engine cdktf)
"use strict";

process.env.CHECKPOINT_DISABLE = "1"; // the generator otherwise reports usage to checkpoint-api.hashicorp.com

const fs = require("fs");
const path = require("path");
/** Each engine's provider generator: the package `cdktf get` or `cdktn get` runs. */
const GENERATORS = { cdktf: "@cdktf/provider-generator", cdktn: "@cdktn/provider-generator" };

/** The output directory and engine of a command line; a usage error names what is wrong. */
function parseArgs(args) {
  const positional = [];
  let engine = "cdktf";
  for (let index = 0; index < args.length; index += 1) {
    if (args[index] === "--engine") {
      engine = args[index + 1];
      index += 1;
      if (!Object.hasOwn(GENERATORS, engine ?? "")) {
        throw new Error(
          `--engine: ${JSON.stringify(engine ?? null)} must be one of ${Object.keys(GENERATORS).join(", ")}`,
        );
      }
    } else if (args[index].startsWith("-")) {
      throw new Error(`unknown flag ${args[index]} (usage: generate-bindings.js [outputDir] [--engine cdktf|cdktn])`);
    } else {
      positional.push(args[index]);
    }
  }
  if (positional.length > 1) throw new Error(`one output directory at most, not ${positional.join(", ")}`);
  return { outputDir: positional[0], engine };
}

const root = path.resolve(__dirname, "..");
const cdktfJson = JSON.parse(fs.readFileSync(path.join(root, "cdktf.json"), "utf8"));

/** The generator's ConstructsMaker, reading the committed schema instead of asking Terraform for it. */
function committedSchemaMaker(ConstructsMaker, options, schema) {
  class CommittedSchemaConstructsMaker extends ConstructsMaker {
    async getSchemas() {
      return { providerSchema: schema, moduleSchema: {} };
    }
  }
  return new CommittedSchemaConstructsMaker(options);
}

/** The committed schema of the provider a cdktf.json constraint names. */
function readCommittedSchema(constraint) {
  const file = path.join("schemas", `${constraint.name}.schema.json`);
  if (!fs.existsSync(path.join(root, file))) {
    throw new Error(
      `cdktf.json terraformProviders lists "${constraint.source}", but ${file} does not exist: ` +
        `run scripts/extract-provider-schema.sh ${constraint.name} to read it from the provider binary`,
    );
  }
  return JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
}

async function main() {
  const { outputDir: outputArg, engine } = parseArgs(process.argv.slice(2));
  const { ConstructsMaker, TerraformProviderConstraint } = require(GENERATORS[engine]);
  const outputDir = path.resolve(root, outputArg ?? cdktfJson.codeMakerOutput);
  if (cdktfJson.terraformProviders.length === 0) {
    throw new Error("cdktf.json terraformProviders lists no provider to generate bindings for");
  }
  // `cdktf get` re-wraps each cdktf.json entry so that the constraint's fqn is its bare name; do the same, so that
  // the output is byte-identical to what `cdktf get` writes.
  const constraints = cdktfJson.terraformProviders.map((declared) => {
    const parsed = new TerraformProviderConstraint(declared);
    return new TerraformProviderConstraint({
      name: parsed.name,
      source: parsed.source,
      version: parsed.version,
      namespace: parsed.namespace,
    });
  });
  // One schema for all of them, merged as `cdktf get` merges the schemas it reads per provider.
  const schema = { format_version: "0.1", provider_schemas: {}, provider_versions: {} };
  for (const constraint of constraints) {
    const committed = readCommittedSchema(constraint);
    schema.format_version = committed.format_version ?? schema.format_version;
    Object.assign(schema.provider_schemas, committed.provider_schemas);
    Object.assign(schema.provider_versions, committed.provider_versions);
  }

  for (const constraint of constraints) {
    fs.rmSync(path.join(outputDir, "providers", constraint.name), { recursive: true, force: true });
  }
  const maker = committedSchemaMaker(
    ConstructsMaker,
    { targetLanguage: "typescript", codeMakerOutput: outputDir },
    schema,
  );
  await maker.generate(constraints);
  for (const constraint of constraints) {
    console.log(
      `generated ${path.relative(root, outputDir) || "."}/providers/${constraint.name} (${engine}) ` +
        `from schemas/${constraint.name}.schema.json`,
    );
  }
}

main().catch((error) => {
  console.error(`generate-bindings: ${error.message}`);
  process.exit(1);
});
