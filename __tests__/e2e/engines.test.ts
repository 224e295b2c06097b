import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run, type ProcessRun } from "../../cli/engine/terraform-engine";
import { consumerEnv, NPM_INSTALL, sandboxExports } from "./support/consumer-env";
import { packWorkingTree } from "./support/package-tarball";
import { nodeLineBin } from "../../scripts/lib/node-lines";

/**
 * One package, two engines: the packed package installed into two fresh projects written by `heroku-flow init`, one on
 * cdktf 0.21 with cdktf-cli (this machine's Node.js), one on cdktn 0.24 with cdktn-cli (`--engine cdktn`: cdktn
 * installed under the name cdktf; Node.js 24 from the npm registry, as cdktn-cli needs 22.19 or later). Each engine's
 * own CLI synthesizes; the stacks must be the same after parsing, but for the engine's version in the metadata. Then
 * the `heroku-flow` command on cdktn deploys into the sandbox and plans no change, and an app that imports cdktn's
 * `App` around this package's constructs (two engines in one app) is refused with one problem, not a TypeError.
 */
const NAME = "two-engines";
/** The Node.js line cdktn's project runs on: the newest LTS line whose binary the npm registry serves. */
const CDKTN_NODE_LINE = "24";
/** No version check against HashiCorp's checkpoint service, which this machine cannot reach (it waits on it). */
const NO_CHECKPOINT = { CHECKPOINT_DISABLE: "1" };

type Engine = "cdktf" | "cdktn";

/** A command's run, with what it printed in one string. */
type Run = ProcessRun & { readonly output: string };

let work: string;
const project: Record<Engine, string> = { cdktf: "", cdktn: "" };
/** Each project's environment: the consumer's, with cdktn's project on Node.js 24 first on PATH. */
const projectEnv: Record<Engine, NodeJS.ProcessEnv> = { cdktf: {}, cdktn: {} };
let sandboxStarted = false;

async function inProject(
  engine: Engine,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  const result = await run(command, [...args], { cwd: project[engine], env: { ...projectEnv[engine], ...env } });
  return { ...result, output: `${result.stdout}${result.stderr}` };
}

function succeeded(what: string, result: Run): Run {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}:\n${result.output}`);
  return result;
}

/** Every stack's cdk.tf.json under `<project>/cdktf.out/stacks`, parsed, by stack name. */
function synthesizedStacks(dir: string): Record<string, Record<string, any>> {
  const stacks = path.join(dir, "cdktf.out", "stacks");
  return Object.fromEntries(
    fs
      .readdirSync(stacks)
      .sort()
      .map((stack) => [stack, JSON.parse(fs.readFileSync(path.join(stacks, stack, "cdk.tf.json"), "utf8"))]),
  );
}

/** A stack without the one field the engines write differently: the engine's version in the metadata. */
function withoutEngineVersion(stack: Record<string, any>): Record<string, any> {
  const copy = structuredClone(stack);
  delete copy["//"].metadata.version;
  return copy;
}

/**
 * Both projects' stacks, the same names (pipeline, production, staging) and, but for the engine's version, the same
 * JSON; each stack's version is its engine's.
 */
function expectSameStacksOnBothEngines(): void {
  const onCdktf = synthesizedStacks(project.cdktf);
  const onCdktn = synthesizedStacks(project.cdktn);
  expect(Object.keys(onCdktn)).toEqual(["pipeline", "production", "staging"]);
  expect(Object.keys(onCdktf)).toEqual(Object.keys(onCdktn));
  for (const stack of Object.keys(onCdktn)) {
    expect(onCdktf[stack]["//"].metadata.version).toBe("0.21.0");
    expect(onCdktn[stack]["//"].metadata.version).toBe("0.24.0");
    expect({ stack, json: withoutEngineVersion(onCdktn[stack]) }).toEqual({
      stack,
      json: withoutEngineVersion(onCdktf[stack]),
    });
  }
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "engines-"));
  const tarball = await packWorkingTree(work);
  const nodeBin = nodeLineBin(CDKTN_NODE_LINE);
  const base: NodeJS.ProcessEnv = { ...consumerEnv(), ...NO_CHECKPOINT };
  projectEnv.cdktf = base;
  projectEnv.cdktn = { ...base, PATH: `${nodeBin}${path.delimiter}${base.PATH ?? ""}` };

  const installer = path.join(work, "installer");
  fs.mkdirSync(installer);
  const env = projectEnv.cdktf;
  const install = await run("npm", [...NPM_INSTALL, tarball], { cwd: installer, env });
  succeeded("npm install <tarball>", { ...install, output: `${install.stdout}${install.stderr}` });
  for (const engine of ["cdktf", "cdktn"] as const) {
    const args = ["heroku-flow", "init", "--name", NAME, "--gitlab-project", `grp/${NAME}`, "--engine", engine];
    const init = await run("npx", [...args, "--dir", path.join(work, `on-${engine}`)], { cwd: installer, env });
    succeeded(`heroku-flow init --engine ${engine}`, { ...init, output: `${init.stdout}${init.stderr}` });
    project[engine] = path.join(work, `on-${engine}`);
    // The scaffold depends on heroku-flow-cdktf@^<version>: the tarball takes its place, then the rest is installed.
    succeeded(`${engine}: npm install <tarball>`, await inProject(engine, "npm", [...NPM_INSTALL, tarball]));
    succeeded(`${engine}: npm install`, await inProject(engine, "npm", NPM_INSTALL));
  }
}, 1_800_000);

afterAll(async () => {
  if (sandboxStarted) {
    const stop = await inProject("cdktn", "npx", ["heroku-flow", "sandbox", "stop"]);
    if (stop.code !== 0) console.error(`heroku-flow sandbox stop exited ${stop.code}:\n${stop.output}`);
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, 120_000);

test("each project has one engine, under the name cdktf: cdktf 0.21.0, and cdktn 0.24.0 on Node.js 24", async () => {
  const engineOf = (engine: Engine) =>
    JSON.parse(fs.readFileSync(path.join(project[engine], "node_modules", "cdktf", "package.json"), "utf8"));
  expect(engineOf("cdktf")).toMatchObject({ name: "cdktf", version: "0.21.0" });
  expect(engineOf("cdktn")).toMatchObject({ name: "cdktn", version: "0.24.0" });
  // One copy each: npm ls exits 0 only when the tree is valid, and lists every copy.
  for (const engine of ["cdktf", "cdktn"] as const) {
    const ls = await inProject(engine, "npm", ["ls", "cdktf", "--all", "--parseable"]);
    expect({ engine, code: ls.code }).toEqual({ engine, code: 0 });
    const copies = new Set(ls.stdout.split("\n").filter((line) => line.endsWith(`${path.sep}cdktf`)));
    expect([...copies]).toEqual([path.join(project[engine], "node_modules", "cdktf")]);
  }
  const node = await inProject("cdktn", "node", ["--version"]);
  expect(node.stdout).toMatch(new RegExp(`^v${CDKTN_NODE_LINE}\\.`));
});

test("cdktf synth (cdktf-cli) and cdktn synth (cdktn-cli) write the same stacks and manifest", async () => {
  succeeded("npx cdktf synth", await inProject("cdktf", "npx", ["cdktf", "synth"]));
  succeeded("npx cdktn synth", await inProject("cdktn", "npx", ["cdktn", "synth"]));
  expectSameStacksOnBothEngines();
  const manifest = (engine: Engine) =>
    JSON.parse(fs.readFileSync(path.join(project[engine], "cdktf.out", "heroku-flow.json"), "utf8"));
  expect(manifest("cdktn")).toEqual(manifest("cdktf"));
});

test("heroku-flow synth writes the same stacks on either engine", async () => {
  // heroku-flow synth sets what the offline toolchain needs (the GitLab provider the mirror holds), which a bare
  // engine CLI run does not: its output is compared across the engines, not with the CLI's.
  for (const engine of ["cdktf", "cdktn"] as const) {
    fs.rmSync(path.join(project[engine], "cdktf.out"), { recursive: true });
    succeeded(`${engine}: heroku-flow synth`, await inProject(engine, "npx", ["heroku-flow", "synth"]));
  }
  expectSameStacksOnBothEngines();
});

test("on cdktn and Node.js 24: npm start deploys every stack into the sandbox, then heroku-flow plan has no changes", async () => {
  succeeded("sandbox start", await inProject("cdktn", "npx", ["heroku-flow", "sandbox", "start"]));
  sandboxStarted = true;
  const deploy = await inProject("cdktn", "npm", ["start"]);
  expect(deploy).toMatchObject({ code: 0, output: expect.stringContaining("applied changes to pipeline") });
  const env = succeeded("sandbox env", await inProject("cdktn", "npx", ["heroku-flow", "sandbox", "env"]));
  const sandbox = sandboxExports(env.stdout);
  const plan = await inProject("cdktn", "npx", ["heroku-flow", "plan"], sandbox);
  expect(plan).toMatchObject({ code: 0 });
  const summary = JSON.parse(fs.readFileSync(path.join(project.cdktn, "flow-plan", "summary.json"), "utf8"));
  expect(summary.map((stack: { stack: string; status: string }) => `${stack.stack} ${stack.status}`)).toEqual([
    "pipeline no-changes",
    "staging no-changes",
    "production no-changes",
  ]);
});

test("cdktn's App around this package's constructs on cdktf: one problem naming both, exit 1, nothing written", async () => {
  succeeded("cdktf: npm install cdktn", await inProject("cdktf", "npm", [...NPM_INSTALL, "--no-save", "cdktn@0.24.0"]));
  const main = path.join(project.cdktf, "main.ts");
  fs.writeFileSync(main, fs.readFileSync(main, "utf8").replace('from "cdktf"', 'from "cdktn"'));
  fs.rmSync(path.join(project.cdktf, "cdktf.out"), { recursive: true, force: true });
  for (const [command, args] of [
    ["npx", ["tsx", "main.ts"]],
    ["npx", ["heroku-flow", "synth"]],
  ] as const) {
    const result = await inProject("cdktf", command, [...args]);
    expect({ command: args.join(" "), code: result.code }).toEqual({ command: args.join(" "), code: 1 });
    expect(result.output).toMatch(
      /\[app\] the app is built on cdktn 0\.24\.0( \(node_modules\/cdktn\))?, but heroku-flow-cdktf runs on cdktf 0\.21\.0/,
    );
    expect(result.output).toContain("To fix: ");
    // Not the engine's TypeError, and no stack trace.
    expect(result.output).not.toMatch(/TypeError|_resetResolveDiscoveredProviderFeatureUsage|\n\s+at /);
    expect(fs.existsSync(path.join(project.cdktf, "cdktf.out", "stacks", "staging"))).toBe(false);
  }
});
