/**
 * The environment of every command a project that installed the package runs: what its team's shell would hold, and
 * nothing else of this test process. The test runs under `npm test` or in this repository's own CI job, whose
 * `npm_*`, `CI_*` and `HEROKU_FLOW_*` variables would otherwise reach the consumer's commands (this repository's
 * `CI_MERGE_REQUEST_IID`, say, would make `heroku-flow note` write to the wrong merge request).
 */

/** The shell's and npm's own variables, passed when the test process has them. */
const SHELL_VARIABLES = [
  // node, npm, git and terraform are found on it.
  "PATH",
  // npm's cache and config (~/.npm, ~/.npmrc); the offline toolchain's default cache (~/.cache/heroku-flow-cdktf).
  "HOME",
  "TMPDIR",
  // Where npm keeps its downloads when not under HOME (this repository's CI sets it): the installs find the packages
  // its own `npm ci` fetched.
  "npm_config_cache",
  // The CA certificates Node.js trusts beyond its own, as a shell behind a TLS-inspecting proxy sets them. npm reads
  // its `cafile` from the global npmrc of the Node.js that runs it, so a project on another Node.js line (cdktn's, on
  // Node.js 24 from the npm registry) has none, and without this reaches the registry only through npm's cache.
  "NODE_EXTRA_CA_CERTS",
] as const;

/**
 * The offline toolchain's settings as `npm test` (scripts/test.sh) exported them, passed when the test process has
 * them, so that the consumer's commands take Terraform and the providers from the same mirror. Each is documented in
 * `heroku-flow --help` or the package's README (the test checks that).
 */
export const TOOLCHAIN_SETTINGS = [
  // The Terraform CLI config that installs the providers from the mirror (README, "offline toolchain").
  "TF_CLI_CONFIG_FILE",
  // The terraform binary to run (--help).
  "TERRAFORM_BINARY_NAME",
  // Where the mirror is, when not in the default cache (--help, README).
  "HEROKU_FLOW_CACHE_DIR",
  // The default cache's parent, ${XDG_CACHE_HOME:-~/.cache} (README).
  "XDG_CACHE_HOME",
  // Provider source archives, should the mirror need a provider built (README).
  "HEROKU_FLOW_PROVIDER_SOURCES",
] as const;

/** The settings the consumer's commands get with a fixed value (each documented, as above). */
export const FIXED_SETTINGS = {
  // Providers from the mirror, never the Terraform registry, which this project's machines cannot reach (--help).
  HEROKU_FLOW_OFFLINE: "1",
} as const;

/** npm's settings for the consumer's npm commands: no update check against the registry, no notice in the output. */
const NPM_SETTINGS = { npm_config_update_notifier: "false" } as const;

/** The consumer's environment, from this process's. */
export function consumerEnv(from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const passed = [...SHELL_VARIABLES, ...TOOLCHAIN_SETTINGS].filter((name) => from[name] !== undefined);
  return {
    ...Object.fromEntries(passed.map((name) => [name, from[name]])),
    ...FIXED_SETTINGS,
    ...NPM_SETTINGS,
  };
}

/** The package installs a consumer's npm runs: from npm's cache where it can (warm from this repository's `npm ci`). */
export const NPM_INSTALL: readonly string[] = ["install", "--no-audit", "--no-fund", "--prefer-offline"];

/** The `export NAME='value'` lines of `heroku-flow sandbox env`, as a record. */
export function sandboxExports(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/^export (\w+)='(.*)'$/gm)].map(([, name, value]) => [name, value.replace(/'\\''/g, "'")]),
  );
}
