import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import type { FlowManifest } from "../../constructs";
import { ci } from "../../cli/commands/ci";
import { init } from "../../cli/commands/init";

/**
 * A scaffolded project is checked the way its owner will use it, against this checkout's library instead of the
 * published package: `heroku-flow-cdktf` resolves to `constructs/index.ts` (tsconfig `paths` for tsc and tsx, a module
 * mapping for Jest) and every other package to this repository's node_modules (a symlink). Each step runs in a child
 * process, as `npm run build`, `cdktf synth` and `npm test` would, without this process's HEROKU_FLOW_* settings.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const LIBRARY = path.join(ROOT, "constructs", "index.ts");
const ENVIRONMENTS = ["staging", "qa", "production"];

/** This process's environment without the settings that change what a synth makes. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(HEROKU_FLOW_|CDKTF_|JEST_)/.test(key)),
  ) as NodeJS.ProcessEnv;
}

/** Runs a binary of this repository's node_modules in `cwd`. */
function run(bin: string, args: string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", bin), args, {
    cwd,
    env: cleanEnv(),
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A new project scaffolded into a temporary directory, wired to this checkout's library. */
async function scaffold(): Promise<string> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "init-scaffold-"));
  const args = ["--name", "acme-api", "--gitlab-project", "acme/api", "--region", "eu"];
  const code = await init.run([...args, "--environments", ENVIRONMENTS.join(","), "--dir", "acme-api"], {
    dir: parent,
    env: {},
    print: () => undefined,
  });
  expect(code).toBe(0);
  const project = path.join(parent, "acme-api");
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
  fs.writeFileSync(
    path.join(project, "tsconfig.check.json"),
    JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { paths: { "heroku-flow-cdktf": [LIBRARY] } } }),
  );
  fs.writeFileSync(
    path.join(project, "jest.check.config.js"),
    `module.exports = { ...require("./jest.config.js"), moduleNameMapper: { "^heroku-flow-cdktf$": ${JSON.stringify(LIBRARY)} } };\n`,
  );
  return project;
}

/** A TCP port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once("error", reject);
  });
}

/** Runs `check` with the project's topology.ts changed by `change`, then puts the scaffolded one back. */
function withTopology<T>(project: string, change: (text: string) => string, check: () => T): T {
  const file = path.join(project, "topology.ts");
  const original = fs.readFileSync(file, "utf8");
  const changed = change(original);
  // A change that changes nothing would make the check pass for the wrong reason.
  expect(changed).not.toBe(original);
  fs.writeFileSync(file, changed);
  try {
    return check();
  } finally {
    fs.writeFileSync(file, original);
  }
}

describe("a scaffolded project against this library", () => {
  let project: string;
  beforeAll(async () => {
    project = await scaffold();
  });
  afterAll(() => {
    if (!project) return;
    // The link first, on its own: nothing may reach this repository's node_modules through it.
    fs.unlinkSync(path.join(project, "node_modules"));
    fs.rmSync(path.dirname(project), { recursive: true, force: true });
  });

  test("its TypeScript (topology.ts, main.ts, the test) type-checks, and a wrong type in the topology does not", () => {
    const tsc = run("tsc", ["--noEmit", "-p", "tsconfig.check.json"], project);
    expect(tsc).toEqual({ status: 0, output: "" });

    const broken = withTopology(
      project,
      (text) => text.replace("PostgresPlan.ESSENTIAL_0", '"essential-0"'),
      () => run("tsc", ["--noEmit", "-p", "tsconfig.check.json"], project),
    );
    expect(broken.status).not.toBe(0);
    expect(broken.output).toMatch(/topology\.ts\(\d+,\d+\): error TS2322/);
  });

  test("main.ts synthesizes a pipeline stack and the environments asked for, production deployed on tags", () => {
    const synth = run("tsx", ["--tsconfig", "tsconfig.check.json", "main.ts"], project);
    expect(synth).toEqual({ status: 0, output: expect.any(String) });
    const manifest: FlowManifest = JSON.parse(
      fs.readFileSync(path.join(project, "cdktf.out", "heroku-flow.json"), "utf8"),
    );
    expect(manifest.pipelineName).toBe("acme-api");
    expect(manifest.gitlabProject).toBe("acme/api");
    expect(manifest.processTypes).toEqual({ web: "node server.js" });
    expect(manifest.stacks.map((stack) => [stack.name, stack.kind, stack.stage, stack.deployOn])).toEqual([
      ["pipeline", "pipeline", undefined, "merge"],
      ["staging", "long-lived", "staging", "merge"],
      ["qa", "long-lived", "staging", "merge"],
      ["production", "long-lived", "production", "tag"],
    ]);
    expect(manifest.stacks.flatMap((stack) => stack.apps.map((app) => app.name))).toEqual([
      "acme-api-staging",
      "acme-api-qa",
      "acme-api",
    ]);
    const production = JSON.parse(
      fs.readFileSync(path.join(project, "cdktf.out", "stacks", "production", "cdk.tf.json"), "utf8"),
    );
    expect(Object.values<any>(production.resource.heroku_app)[0]).toMatchObject({
      region: "eu",
      lifecycle: { prevent_destroy: true },
    });
  });

  test("the .gitlab-ci.yml init wrote is the one `heroku-flow ci` writes after this synth: `ci --check` passes", async () => {
    // Synthesized here with tsx against the library's sources, not by init's own synth.
    const synth = run("tsx", ["--tsconfig", "tsconfig.check.json", "main.ts"], project);
    expect(synth.status).toBe(0);
    const printed: string[] = [];
    const check = (file: string) =>
      ci.run(["--check", "--out", file], { dir: project, env: {}, print: (line) => printed.push(line) });
    expect(await check(".gitlab-ci.yml")).toBe(0);
    expect(printed).toEqual([".gitlab-ci.yml is up to date"]);

    // The same check fails on a pipeline that differs from the manifest's.
    const stale = fs.readFileSync(path.join(project, ".gitlab-ci.yml"), "utf8").replace("deploy:qa", "deploy:uat");
    fs.writeFileSync(path.join(project, "stale-ci.yml"), stale);
    expect(await check("stale-ci.yml")).toBe(1);
  });

  test("server.js, as the Procfile runs it, answers 200 on $PORT", async () => {
    const port = await freePort();
    const server = spawn(process.execPath, ["server.js"], { cwd: project, env: { PORT: String(port) } });
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.once("data", () => resolve());
        server.once("exit", (code) => reject(new Error(`server.js exited ${code}`)));
      });
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("acme-api is running\n");
    } finally {
      server.kill();
    }
  });

  test("its own test passes, and fails once the topology breaks", () => {
    const passing = run("jest", ["--config", "jest.check.config.js", "--ci"], project);
    expect(passing.status).toBe(0);
    expect(passing.output).toMatch(/Tests:\s+4 passed, 4 total/);

    // Production's data left unprotected: the test of prevent_destroy must catch it.
    const unprotected = (text: string) =>
      text.replace('stage: "production",', 'stage: "production",\n      productionLike: false,');
    const failing = withTopology(project, unprotected, () =>
      run("jest", ["--config", "jest.check.config.js", "--ci"], project),
    );
    expect(failing.status).toBe(1);
    expect(failing.output).toMatch(/✕ production: its app/);
    expect(failing.output).toMatch(/Tests:\s+1 failed, 3 passed, 4 total/);
  });
});
