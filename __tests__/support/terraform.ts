import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * A variable that `npm test` exports from the offline toolchain (cli/toolchain.sh --env). A test that needs the
 * real Terraform and providers fails with this message instead of skipping when it is missing.
 */
export function toolchainSetting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the tests with \`npm test\` (or \`npm run test:e2e\`), which prepares the Terraform ` +
        "toolchain (cli/toolchain.sh) and exports its settings for the locally built providers.",
    );
  }
  return value;
}

/** The settings that make the stacks target the GitLab provider the toolchain mirrored (see GitlabProviderCompatibility). */
export function mirroredGitlabProvider(): Record<string, string> {
  return { HEROKU_FLOW_GITLAB_PROVIDER_VERSION: toolchainSetting("HEROKU_FLOW_GITLAB_PROVIDER_VERSION") };
}

/**
 * Copies one stack of a synthesized app (`app.synth()` output in `outdir`) into its own directory for
 * `toBeValidTerraform()`, which then runs the real `terraform init` and `terraform validate` with the locally built
 * providers.
 */
export function prepareForValidation(outdir: string, stackName: string): string {
  toolchainSetting("TF_CLI_CONFIG_FILE");
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
  const entry = manifest.stacks[stackName];
  if (!entry) throw new Error(`stack ${stackName} is not in ${outdir}/manifest.json`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `validate-${stackName}-`));
  fs.mkdirSync(path.join(dir, entry.workingDirectory), { recursive: true });
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ ...manifest, stacks: { [stackName]: entry } }));
  fs.copyFileSync(path.join(outdir, entry.synthesizedStackPath), path.join(dir, entry.synthesizedStackPath));
  return dir;
}
