import type { FlowManifest } from "./manifest";

/**
 * The providers built only on request (`HEROKU_FLOW_PROVIDERS`) that the app of `manifest` needs, by the toolchain's
 * names: `circleci` on the CircleCI side (its contexts), `dokku` on the Dokku platform (its apps and services). The
 * manifest is the only place the engine learns the CI side and the platform from: the topology is the library's, and
 * read only by the synth.
 */
export function providersNeededBy(manifest: FlowManifest | undefined): string[] {
  return [
    ...(manifest?.ci?.provider === "circleci" ? ["circleci"] : []),
    ...(manifest?.platform === "dokku" ? ["dokku"] : []),
  ];
}

/** `env` with `HEROKU_FLOW_PROVIDERS` naming the providers `manifest` needs too (those given stay, in their order). */
export function withProvidersFor(env: NodeJS.ProcessEnv, manifest: FlowManifest | undefined): NodeJS.ProcessEnv {
  const given = (env.HEROKU_FLOW_PROVIDERS ?? "").split(/[\s,]+/).filter((name) => name !== "");
  const needed = providersNeededBy(manifest).filter((name) => !given.includes(name));
  return needed.length === 0 ? env : { ...env, HEROKU_FLOW_PROVIDERS: [...given, ...needed].join(",") };
}
