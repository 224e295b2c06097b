import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** One row of the toolchain's providers.tsv: whether a provider binary is in the local mirror, and if not, why. */
export interface ProviderStatus {
  readonly name: string;
  readonly source: string;
  readonly version: string;
  readonly available: boolean;
  readonly reason: string;
}

/** Reads what scripts/toolchain.sh could put in the mirror. `npm test` prepares the toolchain and exports its env. */
export function providerStatus(): ProviderStatus[] {
  const file = process.env.HEROKU_FLOW_PROVIDER_STATUS;
  if (!file || !fs.existsSync(file)) {
    throw new Error(
      "HEROKU_FLOW_PROVIDER_STATUS is not set: run the tests with `npm test`, which prepares the Terraform toolchain " +
        "(scripts/toolchain.sh) and exports TF_CLI_CONFIG_FILE for the locally built providers.",
    );
  }
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [name, source, version, state, reason] = line.split("\t");
      return { name, source, version, available: state === "available", reason: reason ?? "" };
    });
}

/** The providers that the toolchain could not build on this machine (e.g. gitlab when its module is not served). */
export function unavailableProviders(): string[] {
  return providerStatus()
    .filter((provider) => !provider.available)
    .map((provider) => provider.name);
}

/** The result of {@link prepareForValidation}. */
export interface ValidationSubject {
  /** A synth directory holding one stack (manifest.json + stacks/<name>), ready for `toBeValidTerraform()`. */
  readonly dir: string;
  /** Providers whose resources were left out because no binary for them exists on this machine. */
  readonly omittedProviders: string[];
  /** The resource addresses that were left out, e.g. `gitlab_project_variable.app_name`. */
  readonly omittedResources: string[];
}

/**
 * Copies one stack of a synthesized app (`app.synth()` output in `outdir`) into its own directory for
 * `toBeValidTerraform()`, which then runs the real `terraform init` and `terraform validate` with the locally built
 * providers.
 *
 * Terraform can only validate a configuration whose every provider it can install. Where the toolchain could not build
 * a provider (see providers.tsv), that provider's block, requirement, resources and data sources are removed, and what
 * was removed is returned so that the caller asserts it is exactly what it expects: a test never passes by silently
 * validating less.
 */
export function prepareForValidation(outdir: string, stackName: string): ValidationSubject {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
  const entry = manifest.stacks[stackName];
  if (!entry) throw new Error(`stack ${stackName} is not in ${outdir}/manifest.json`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `validate-${stackName}-`));
  fs.mkdirSync(path.join(dir, entry.workingDirectory), { recursive: true });
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ ...manifest, stacks: { [stackName]: entry } }));
  const config = JSON.parse(fs.readFileSync(path.join(outdir, entry.synthesizedStackPath), "utf8"));

  const omittedProviders: string[] = [];
  const omittedResources: string[] = [];
  for (const name of unavailableProviders()) {
    if (config.provider?.[name] === undefined && config.terraform?.required_providers?.[name] === undefined) continue;
    omittedProviders.push(name);
    delete config.provider?.[name];
    delete config.terraform?.required_providers?.[name];
    for (const block of ["resource", "data"] as const) {
      for (const type of Object.keys(config[block] ?? {})) {
        if (type !== name && !type.startsWith(`${name}_`)) continue;
        for (const id of Object.keys(config[block][type])) {
          omittedResources.push(`${block === "data" ? "data." : ""}${type}.${id}`);
        }
        delete config[block][type];
      }
    }
  }
  fs.writeFileSync(path.join(dir, entry.synthesizedStackPath), JSON.stringify(config, null, 2));
  return { dir, omittedProviders: omittedProviders.sort(), omittedResources: omittedResources.sort() };
}
