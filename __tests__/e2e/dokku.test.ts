import * as fs from "node:fs";
import { generateKeyPair } from "../../sandbox/dokku/keys";
import * as net from "node:net";
import * as path from "node:path";
import { applyArgs, plannedChanges, type SandboxProject } from "../../scripts/lib/sandbox-project";
import { topology } from "../../examples/dokku-app/topology";
import { releaseCommand } from "../../cli/commands/release";
import { FlowSession } from "../../cli/engine/flow-session";
import { DokkuSsh, dokkuSshSettings } from "../../cli/platform/dokku-ssh";
import { checkConsistency } from "../../sandbox/consistency";
import { describeState } from "../../sandbox/inspect";
import { createExampleProject, type ExampleProject, exampleImports, PACKAGE_API } from "./support/example-project";

/**
 * examples/dokku-app (the write-up's app on a Dokku server: the sandbox's SSH front), end to end with the real Dokku
 * provider: deployed, re-planned empty, a config var changed on the server shown as drift and restored, a review app
 * created and destroyed, production's app and database kept by prevent_destroy, and a session dropped mid-apply
 * recovered by the next apply.
 */
describe("example: dokku-app", () => {
  let example: ExampleProject;
  let project: SandboxProject;
  beforeAll(async () => {
    example = await createExampleProject("dokku-app", { topology });
    project = example.project;
    await project.deploy();
  });
  afterAll(() => example?.close());

  test("imports only the package API", () => {
    expect(exampleImports("dokku-app").every((module) => PACKAGE_API.includes(module))).toBe(true);
  });

  /** A Dokku command run on the sandbox's server as an operator would, over SSH. */
  async function onServer(command: string): Promise<string> {
    const ssh = new DokkuSsh(dokkuSshSettings(project.env()));
    try {
      const output = await ssh.run(command);
      if (output.status !== 0) throw new Error(`${command}: exit ${output.status}: ${output.stderr}`);
      return output.stdout;
    } finally {
      await ssh.close();
    }
  }

  test("each environment's app, database and link are on the server, and its deploy key in GitLab", async () => {
    const state = await project.state();
    // The stacks are applied side by side: the server holds the apps in the order their applies came.
    expect(state.dokku.apps.map((app) => app.name).sort()).toEqual(["notes", "notes-staging"]);
    const staging = state.dokku.apps.find((app) => app.name === "notes-staging")!;
    expect(staging.config).toMatchObject({ FLASK_ENV: "production", LOG_LEVEL: "debug" });
    expect(Object.keys(staging.config)).toEqual(expect.arrayContaining(["SECRET_KEY", "DATABASE_URL"]));
    expect(staging.domains).toEqual(["staging.notes.example"]);
    const production = state.dokku.apps.find((app) => app.name === "notes")!;
    expect(production.ports).toEqual([{ scheme: "http", hostPort: 80, containerPort: 5000 }]);
    expect(state.dokku.postgresServices.find((service) => service.name === "notes-db")!.imageVersion).toBe("16.4");
    expect(state.dokku.postgresServices.map((service) => service.name).sort()).toEqual([
      "notes-db",
      "notes-staging-db",
    ]);
    expect(state.dokku.postgresLinks.map(({ service, app, alias }) => `${service}→${app} ${alias}`).sort()).toEqual([
      "notes-db→notes DATABASE",
      "notes-staging-db→notes-staging DATABASE",
    ]);
    const keys = state.gitlab.variables.filter((variable) => variable.key === "DOKKU_SSH_PRIVATE_KEY_BASE64");
    expect(keys.map((variable) => [variable.environmentScope, variable.masked, variable.protected]).sort()).toEqual([
      ["production", true, true],
      ["staging", true, false],
    ]);
    expect(checkConsistency(state)).toEqual([]);
    expect(describeState(state, project.sandbox.url)).toContain("Dokku apps (2):");
  });

  test("heroku-flow release pushes the code (the sandbox's simulated push) and scales the processes", async () => {
    const printed: string[] = [];
    const commit = "c".repeat(40);
    const session = new FlowSession({
      dir: project.dir,
      env: { ...process.env, ...project.env(), CI_COMMIT_SHA: commit },
      print: (line) => printed.push(line),
    });
    expect(await releaseCommand(session, "production")).toBe(0);
    expect(printed.at(-1)).toBe("Released the code to notes (stack production) on Dokku, scaled to web=2.");
    const production = (await project.state()).dokku.apps.find((app) => app.name === "notes")!;
    expect(production.release).toMatchObject({
      commit,
      processTypes: { web: "gunicorn notes:app", release: "flask db upgrade" },
    });
    expect(production.scale).toEqual({ web: 2 });
  });

  test("a second plan of every stack is empty", async () => {
    for (const stack of project.names.longLivedStacks) {
      const diff = await project.diff(stack);
      expect({ stack, changes: diff.changes.map((change) => change.address) }).toEqual({ stack, changes: [] });
    }
  });

  test("a config var changed on the server is drift, shown by the plan and set back by the next apply", async () => {
    await onServer("config:set --no-restart notes-staging LOG_LEVEL=tampered");
    const drift = await project.diff("staging");
    expect(plannedChanges(drift)).toEqual([expect.stringMatching(/^dokku_app\.App_\w+ update$/)]);
    // The config map is sensitive: the plan shows no value, old or new.
    expect(drift.output).not.toContain("tampered");
    await project.deploy(["staging"]);
    const state = await project.state();
    expect(state.dokku.apps.find((app) => app.name === "notes-staging")!.config.LOG_LEVEL).toBe("debug");
  });

  test("a session dropped mid-apply fails the apply, and the next apply finishes the change", async () => {
    await onServer("config:set --no-restart notes-staging LOG_LEVEL=tampered-again");
    await project.client.heroku("POST", "/sandbox/faults", { method: "SSH", path: "^/config:set/", action: "drop" });
    // The provider reads a session without an exit status as status 0 with no output, and says no more than that.
    await expect(project.deploy(["staging"])).rejects.toThrow(
      /terraform apply \(staging\) exited 1:\s+Error: Error \[0\]:/,
    );
    await project.deploy(["staging"]);
    const state = await project.state();
    expect(state.dokku.apps.find((app) => app.name === "notes-staging")!.config.LOG_LEVEL).toBe("debug");
  });

  test("a review app is created with its own database, and destroyed with it", async () => {
    const review = { HEROKU_FLOW_REVIEW_ID: "7" };
    await project.deploy(["review-7"], review);
    let state = await project.state();
    expect(state.dokku.apps.map((app) => app.name)).toContain("notes-review-7");
    expect(state.dokku.postgresServices.map((service) => service.name)).toContain("notes-review-7-db");
    await project.cdktfOk(applyArgs("destroy", ["review-7"], { alone: true }), review);
    state = await project.state();
    expect(state.dokku.apps.map((app) => app.name)).not.toContain("notes-review-7");
    expect(state.dokku.postgresServices.map((service) => service.name)).not.toContain("notes-review-7-db");
    expect(checkConsistency(state)).toEqual([]);
  });

  test("production's app and database are refused destruction by prevent_destroy, and nothing is destroyed", async () => {
    const before = await project.state();
    const run = await project.cdktf(applyArgs("destroy", ["production"], { alone: true }));
    expect(run.code).not.toBe(0);
    // What refused it, in Terraform's own words: its plan of the destroy, without cdktf's prefixes and wrapping.
    const refusal = await planFails("production", { TF_CLI_ARGS_plan: "-destroy" });
    expect(refusal).toMatch(/Resource dokku_app\.App_\w+ has lifecycle\.prevent_destroy set/);
    expect(refusal).toMatch(
      /Resource dokku_postgres_service\.App_Postgres_Service_\w+ has lifecycle\.prevent_destroy set/,
    );
    const after = await project.state();
    expect(after.dokku).toEqual(before.dokku);
  });

  /** Terraform's error of a plan of `stack` with `extra` settings: the plan must fail. */
  async function planFails(stack: string, extra: Record<string, string>): Promise<string> {
    const engine = project.engine(extra);
    await engine.synth(extra);
    const failure = await engine
      .discardingPlans([stack], () => engine.plan(stack))
      .then(
        () => new Error("the plan succeeded"),
        (error: Error) => error,
      );
    // Terraform wraps a diagnostic's lines at its own width, inside a frame: one line to search.
    return failure.message.replace(/[│╷╵]/g, " ").replace(/\s+/g, " ");
  }

  test("a refused key or an unreachable server stops the plan before anything is asked", async () => {
    const before = await project.state();
    const refused = await planFails("staging", { DOKKU_SSH_CERT: generateKeyPair().private });
    expect(refused).toMatch(/Could not establish SSH connection: ssh: handshake failed: ssh: unable to authenticate/);
    const closed = await freePort();
    const unreachable = await planFails("staging", { DOKKU_SSH_PORT: String(closed) });
    expect(unreachable).toMatch(new RegExp(`Could not establish SSH connection: .*127\\.0\\.0\\.1:${closed}.*refused`));
    expect((await project.state()).dokku).toEqual(before.dokku);
  });

  test("a Dokku release outside the provider's tested range stops the plan, naming the version", async () => {
    await project.restartSandbox("0.36.1");
    try {
      const upgraded = await planFails("staging", {});
      expect(upgraded).toMatch(
        /This provider has not been tested against Dokku version 0\.36\.1\. Tested version range: >=0\.30\.0 <0\.36\.0/,
      );
    } finally {
      await project.restartSandbox();
    }
  });

  test("a Postgres service already on the server fails the apply with Dokku's message; importing it finishes", async () => {
    const review = { HEROKU_FLOW_REVIEW_ID: "9" };
    await onServer("postgres:create notes-review-9-db");
    await expect(project.deploy(["review-9"], review)).rejects.toThrow(/already exists/);
    // The app was created before the service failed: what the README says to do next.
    expect((await project.state()).dokku.apps.map((app) => app.name)).toContain("notes-review-9");
    const engine = project.engine(review);
    const config = JSON.parse(fs.readFileSync(path.join(engine.stackDir("review-9"), "cdk.tf.json"), "utf8"));
    const [service] = Object.keys(config.resource.dokku_postgres_service);
    await engine.terraform("review-9", [
      "import",
      "-input=false",
      "-no-color",
      `dokku_postgres_service.${service}`,
      "notes-review-9-db",
    ]);
    await project.deploy(["review-9"], review);
    const state = await project.state();
    expect(state.dokku.postgresLinks).toContainEqual({
      service: "notes-review-9-db",
      app: "notes-review-9",
      alias: "DATABASE",
    });
    expect(checkConsistency(state)).toEqual([]);
    await project.cdktfOk(applyArgs("destroy", ["review-9"], { alone: true }), review);
  });
});

/** A loopback port nothing listens on (taken, then released). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
