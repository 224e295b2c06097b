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
): Record<string, string> {
  return {
    ...Object.fromEntries(secrets.map((variable) => [terraformVariableEnv(variable), sandboxSecretValue(variable)])),
    ...Object.fromEntries(deployKeys.map((variable) => [terraformVariableEnv(variable), target.herokuApiKey])),
    HEROKU_API_URL: target.herokuUrl,
    HEROKU_API_KEY: target.herokuApiKey,
    GITLAB_BASE_URL: target.gitlabUrl,
    GITLAB_TOKEN: target.gitlabToken,
    ...(target.circleciUrl && target.circleciToken
      ? { CIRCLE_HOST: target.circleciUrl, CIRCLE_TOKEN: target.circleciToken }
      : {}),
    HEROKU_FLOW_CODE_PUSH: "sandbox",
    TF_VAR_heroku_post_app_create_delay: "0",
    TF_VAR_heroku_post_domain_create_delay: "0",
    CHECKPOINT_DISABLE: "1",
    DISABLE_VERSION_CHECK: "true",
  };
}
