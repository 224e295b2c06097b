import { spawnSync } from "node:child_process";

/** Where a container release pushes images, and how it logs in there. */
export interface ContainerRegistry {
  /** The registry's host (`HEROKU_REGISTRY`, default registry.heroku.com). */
  readonly host: string;
  /** The Heroku API key: the registry's password, sent on docker's stdin and never shown. */
  readonly apiKey: string;
}

/** The registry a container release uses: Heroku's, unless `HEROKU_REGISTRY` points elsewhere (a local registry). */
export function containerRegistry(env: NodeJS.ProcessEnv, apiKey: string): ContainerRegistry {
  return { host: env.HEROKU_REGISTRY || "registry.heroku.com", apiKey };
}

/**
 * Pushes the job's image (`HEROKU_FLOW_IMAGE`) to the registry once per process type, as `heroku container:push` does:
 * `docker login` (the key on stdin: in argv it would show in `ps` and in CI logs), then per type `docker tag` to
 * `<registry>/<app>/<type>`, `docker push`, and `docker inspect` for the pushed image's id. Resolves to type → image id,
 * what the release names.
 */
export function pushImages(
  env: NodeJS.ProcessEnv,
  registry: ContainerRegistry,
  app: string,
  types: readonly string[],
): Record<string, string> {
  const image = env.HEROKU_FLOW_IMAGE;
  if (!image) {
    throw new Error(
      `HEROKU_FLOW_IMAGE is not set: the container release to ${app} needs the Docker image the job built`,
    );
  }
  const run = (step: string, args: readonly string[], options: DockerOptions = {}) =>
    docker(env, registry, step, args, options);
  run(`docker login to ${registry.host}`, ["login", "--username=_", "--password-stdin", registry.host], {
    input: registry.apiKey,
  });
  const images: Record<string, string> = {};
  for (const type of types) {
    const target = `${registry.host}/${app}/${type}`;
    run(`docker tag of process type ${type} (${target})`, ["tag", image, target]);
    run(`docker push of process type ${type} (${target})`, ["push", target]);
    const inspect = `docker inspect of process type ${type} (${target})`;
    const id = run(inspect, ["inspect", "--format={{.Id}}", target], { capture: true }).trim();
    if (!id) throw new Error(`${inspect} printed no image id`);
    images[type] = id;
  }
  return images;
}

/** What one docker step is given: its stdin, and whether its stdout is wanted back. */
interface DockerOptions {
  readonly input?: string;
  readonly capture?: boolean;
}

/**
 * Runs one docker step in the command's environment (where its settings come from); its stdout goes to the job's log
 * (a long `docker push` shows its progress) unless `capture` asks for it back. A failure throws one error naming the
 * step, with docker's stderr, the API key masked in it (docker may echo what it was given).
 */
function docker(
  env: NodeJS.ProcessEnv,
  registry: ContainerRegistry,
  step: string,
  args: readonly string[],
  options: DockerOptions,
): string {
  const run = spawnSync("docker", args, {
    env,
    input: options.input ?? "",
    stdio: ["pipe", options.capture ? "pipe" : "inherit", "pipe"],
    encoding: "utf8",
  });
  if (run.status !== 0) {
    const reason = run.error ? run.error.message : `exit ${run.status}`;
    const stderr = (run.stderr ?? "").split(registry.apiKey).join("****").trim();
    throw new Error(`${step} failed (${reason})${stderr ? `: ${stderr}` : ""}`);
  }
  return run.stdout ?? "";
}
