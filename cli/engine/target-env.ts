import type { FlowManifest } from "./manifest";
import { terraformVariableEnv } from "./manifest";

/** Where the providers should send their calls, and with which credentials. */
export interface Target {
  readonly herokuUrl: string;
  readonly herokuApiKey: string;
  readonly gitlabUrl: string;
  readonly gitlabToken: string;
  /** CircleCI's API v2 base (the provider's `CIRCLE_HOST`); absent where the target serves no CircleCI API. */
  readonly circleciUrl?: string;
  /** The CircleCI token (`CIRCLE_TOKEN`), with {@link circleciUrl}. */
  readonly circleciToken?: string;
  /** The Dokku server's SSH front (`DOKKU_SSH_*`); absent where the target serves none. */
  readonly dokku?: DokkuTarget;
}

/** A Dokku server to deploy to over SSH, as the Dokku provider and a deploy job reach it. */
export interface DokkuTarget {
  readonly host: string;
  readonly port: number;
  /** The private key its `dokku` user accepts (OpenSSH format). */
  readonly privateKey: string;
  /**
   * A home directory whose `.ssh/known_hosts` pins the server's host key. The Dokku provider always reads and appends
   * to `~/.ssh/known_hosts`; pointed here, it never touches the user's own.
   */
  readonly home: string;
}

/** Every deploy-key variable the app's stacks may require: each stack's, and every review app's. */
export function deployKeyVariables(manifest: FlowManifest): string[] {
  const variables = [
    ...manifest.stacks.flatMap((stack) => stack.deployKeyVariables),
    ...(manifest.review ? [manifest.review.deployKeyVariable] : []),
  ];
  return [...new Set(variables)];
}

/** Every variable of the topology's secrets the app's stacks may require: each stack's, and every review app's. */
export function secretVariables(manifest: FlowManifest): string[] {
  return [
    ...new Set([
      ...manifest.stacks.flatMap((stack) => stack.secretVariables ?? []),
      ...(manifest.review?.secretVariables ?? []),
    ]),
  ];
}

/**
 * The stand-in value of a topology secret in the sandbox, where no service reads it. Fixed per name rather than
 * random, so that a second deploy plans no change to the config var.
 */
export function sandboxSecretValue(variable: string): string {
  return `sandbox-${variable}`;
}

/**
 * The environment for a run against `target` (the sandbox): provider endpoints and credentials (CircleCI's where the
 * target serves it), the deploy keys GitLab variables and CircleCI contexts hold (the target's Heroku key), stand-ins for the topology's secrets, the simulated code push, and the
 * sandbox's timing knobs (the real platform needs its post-create waits; the sandbox does not).
 */
export function deployEnv(
  target: Target,
  deployKeys: readonly string[],
  secrets: readonly string[] = [],
  platform: FlowManifest["platform"] = undefined,
): Record<string, string> {
  const deployKey = platform === "dokku" ? dokkuDeployKey(target) : target.herokuApiKey;
  return {
    ...Object.fromEntries(secrets.map((variable) => [terraformVariableEnv(variable), sandboxSecretValue(variable)])),
    ...Object.fromEntries(deployKeys.map((variable) => [terraformVariableEnv(variable), deployKey])),
    HEROKU_API_URL: target.herokuUrl,
    HEROKU_API_KEY: target.herokuApiKey,
    GITLAB_BASE_URL: target.gitlabUrl,
    GITLAB_TOKEN: target.gitlabToken,
    ...(target.circleciUrl && target.circleciToken
      ? { CIRCLE_HOST: target.circleciUrl, CIRCLE_TOKEN: target.circleciToken }
      : {}),
    ...(target.dokku ? dokkuEnv(target.dokku) : {}),
    HEROKU_FLOW_CODE_PUSH: "sandbox",
    TF_VAR_heroku_post_app_create_delay: "0",
    TF_VAR_heroku_post_domain_create_delay: "0",
    CHECKPOINT_DISABLE: "1",
    DISABLE_VERSION_CHECK: "true",
  };
}

/**
 * The Dokku provider's settings for `dokku`, and the home its known hosts are kept in (Terraform then reads a
 * `.terraformrc` from there too, of which the sandbox's home has none: the toolchain names its own configuration file).
 */
function dokkuEnv(dokku: DokkuTarget): Record<string, string> {
  return {
    DOKKU_SSH_HOST: dokku.host,
    DOKKU_SSH_PORT: String(dokku.port),
    DOKKU_SSH_USER: "dokku",
    DOKKU_SSH_CERT: dokku.privateKey,
    HOME: dokku.home,
  };
}

/**
 * What a Dokku topology's deploy-key variables hold in a run against `target`: its Dokku key, base64-encoded on one line
 * as the GitLab variable that masks it wants it.
 */
function dokkuDeployKey(target: Target): string {
  if (!target.dokku)
    throw new Error(
      "the target serves no Dokku server: restart the sandbox (`heroku-flow sandbox stop`, then `start`)",
    );
  return Buffer.from(target.dokku.privateKey).toString("base64");
}
