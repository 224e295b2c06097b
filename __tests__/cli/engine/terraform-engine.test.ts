/**
 * `TerraformEngine`'s own steps, one by one, against the fake Terraform of `support/fake-project.ts`: the exact
 * arguments and environment of each Terraform call and of the synth, the one-line-plus-output error of a failing step
 * (exit code, signal, missing binary), the plan's exit codes, what `show -json` is reduced to, the plan files deleted
 * whatever happens, and stacks applied by dependency level. Ordering across several stacks is in deploy-order.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { appEntry, run, TerraformEngine, type StackPlan } from "../../../cli/engine/terraform-engine";
import { fakeProject, plainConfig, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

afterAll(removeFakeProjects);

/** An engine over a fresh three-stack project, its progress steps collected as `stack step`. */
function engineOver(project: FakeProject = fakeProject({ stacks: THREE_STACKS }), env: NodeJS.ProcessEnv = {}) {
  const steps: string[] = [];
  const engine = new TerraformEngine(
    project.dir,
    { ...project.env, ...env },
    {
      onProgress: (stack, step) => steps.push(`${stack} ${step}`),
    },
  );
  return { project, engine, steps };
}

/** A script in the project's directory, executable. */
function script(project: FakeProject, name: string, text: string): string {
  const file = path.join(project.dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${text}`, { mode: 0o755 });
  return file;
}

const showJson = (resourceChanges: unknown[] | undefined) =>
  JSON.stringify({ format_version: "1.2", ...(resourceChanges ? { resource_changes: resourceChanges } : {}) });

describe("run", () => {
  test("collects the exit code, stdout and stderr of a command run in cwd with env", async () => {
    const project = fakeProject({ stacks: [{ name: "staging" }] });
    const result = await run("sh", ["-c", 'pwd; echo "$GREETING" >&2; exit 3'], {
      cwd: project.dir,
      env: { PATH: process.env.PATH, GREETING: "hello" },
    });
    expect(result).toMatchObject({ code: 3, stdout: `${fs.realpathSync(project.dir)}\n`, stderr: "hello\n" });
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.seconds).toBeLessThan(10);
  });

  test("the command's input is closed: one that reads it (Terraform asking a question) ends instead of waiting", async () => {
    const result = await run("sh", ["-c", "cat; echo read-to-the-end"], { cwd: "/", env: { PATH: process.env.PATH } });
    expect(result).toMatchObject({ code: 0, stdout: "read-to-the-end\n" });
  }, 5_000);

  test("a command killed by a signal counts as exit code 1", async () => {
    const result = await run("sh", ["-c", "kill -9 $$"], { cwd: "/", env: { PATH: process.env.PATH } });
    expect(result.code).toBe(1);
  });

  test("a command that does not exist rejects with the spawn error", async () => {
    await expect(run("/no/such/terraform", [], { cwd: "/", env: {} })).rejects.toThrow(/ENOENT/);
  });
});

describe("terraform", () => {
  test("runs TERRAFORM_BINARY_NAME in the stack's directory, with the engine's environment and TF_IN_AUTOMATION=1", async () => {
    const { project, engine } = engineOver(undefined, { MARK: "m1" });
    const probe = script(project, "probe", 'echo "$(basename "$PWD") $TF_IN_AUTOMATION $MARK $*"');
    const result = await new TerraformEngine(project.dir, {
      ...project.env,
      TERRAFORM_BINARY_NAME: probe,
      MARK: "m1",
    }).terraform("staging", ["version", "-json"]);
    expect(result.stdout).toBe("staging 1 m1 version -json\n");
    expect(engine.stackDir("staging")).toBe(path.join(project.dir, "cdktf.out", "stacks", "staging"));
  });

  test("without TERRAFORM_BINARY_NAME: `terraform` from PATH", async () => {
    const project = fakeProject({ stacks: [{ name: "staging" }] });
    const bin = path.join(project.dir, "bin");
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, "terraform"), '#!/bin/sh\necho "path terraform $*"\n', { mode: 0o755 });
    const env: NodeJS.ProcessEnv = { ...project.env, PATH: `${bin}:${process.env.PATH}` };
    delete env.TERRAFORM_BINARY_NAME;
    const engine = new TerraformEngine(project.dir, env);
    expect((await engine.terraform("staging", ["version"])).stdout).toBe("path terraform version\n");
  });

  test("an exit code not among the accepted ones: one line naming command, stack and code, then Terraform's output", async () => {
    const { project, engine } = engineOver();
    const failing = script(project, "failing", 'echo "Error: no" >&2; echo "out"; exit 5');
    const failingEngine = new TerraformEngine(project.dir, { ...project.env, TERRAFORM_BINARY_NAME: failing });
    await expect(failingEngine.terraform("staging", ["validate"])).rejects.toThrow(
      new Error("terraform validate (staging) exited 5:\nError: no\nout\n"),
    );
    await expect(failingEngine.terraform("staging", ["validate"], [0, 5])).resolves.toMatchObject({ code: 5 });
    project.stackFile("staging", "exit.plan", "2");
    await expect(engine.terraform("staging", ["plan"])).rejects.toThrow(/^terraform plan \(staging\) exited 2:\n$/);
  });
});

describe("synth", () => {
  test("runs an app command without an entry file as written, with the engine's environment, the extra settings, CDKTF_OUTDIR and the project's tools first on PATH", async () => {
    const { project, engine, steps } = engineOver(undefined, { MARK: "m1" });
    fs.writeFileSync(
      path.join(project.dir, "cdktf.json"),
      JSON.stringify({ app: 'echo "$MARK $EXTRA $CDKTF_OUTDIR $PATH"' }),
    );
    const result = await engine.synth({ EXTRA: "e1" });
    expect(result.stdout).toBe(
      `m1 e1 ${path.join(project.dir, "cdktf.out")} ${path.join(project.dir, "node_modules", ".bin")}:${project.env.PATH}\n`,
    );
    expect(result.code).toBe(0);
    expect(steps).toEqual(["app synth"]);
  });

  test("the bootstrap synth says so in its progress line; PATH falls back to this process's when the environment has none", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const withoutPath: NodeJS.ProcessEnv = { ...project.env };
    delete withoutPath.PATH;
    const steps: string[] = [];
    const engine = new TerraformEngine(project.dir, withoutPath, {
      onProgress: (stack, step) => steps.push(`${stack} ${step}`),
    });
    fs.writeFileSync(path.join(project.dir, "cdktf.json"), JSON.stringify({ app: 'echo "$PATH"' }));
    const result = await engine.synth({ HEROKU_FLOW_BOOTSTRAP: "true" });
    expect(result.stdout).toBe(`${path.join(project.dir, "node_modules", ".bin")}:${process.env.PATH}\n`);
    expect(steps).toEqual(["app synth (bootstrap)"]);
  });

  test("an app command naming a .ts entry runs the app compiled, with the same environment", async () => {
    const { project, engine } = engineOver(undefined, { MARK: "m1" });
    fs.writeFileSync(path.join(project.dir, "cdktf.json"), JSON.stringify({ app: "npx tsx main.ts" }));
    fs.writeFileSync(
      path.join(project.dir, "main.ts"),
      "const env: Record<string, string | undefined> = process.env;\n" +
        'console.log([env.MARK, env.EXTRA, env.CDKTF_OUTDIR, process.cwd()].join(" "));\n',
    );
    const result = await engine.synth({ EXTRA: "e1" });
    expect(result.stdout).toBe(`m1 e1 ${path.join(project.dir, "cdktf.out")} ${fs.realpathSync(project.dir)}\n`);
    expect(fs.existsSync(path.join(project.dir, ".flow", "app.js"))).toBe(true);
  });

  test("a failing app: its command, exit code, then what it wrote to stderr and stdout", async () => {
    const { project, engine } = engineOver();
    const app = "echo out; echo 'Error: invalid topology' >&2; exit 4";
    fs.writeFileSync(path.join(project.dir, "cdktf.json"), JSON.stringify({ app }));
    await expect(engine.synth()).rejects.toThrow(new Error(`synth (${app}) exited 4:\nError: invalid topology\nout\n`));
  });
});

describe("the manifest", () => {
  test("the stacks of the last synth in the manifest's order, and any named ones dependencies first", () => {
    const { project, engine } = engineOver();
    expect(engine.manifest()).toEqual(project.manifest);
    expect(engine.stacks()).toEqual(["pipeline", "staging", "production"]);
    expect(engine.inDependencyOrder(["production", "pipeline"])).toEqual(["pipeline", "production"]);
  });
});

describe("init", () => {
  test("runs `terraform init -input=false -no-color`, says so, and records the terraform block and mirror", async () => {
    const { project, engine, steps } = engineOver();
    await engine.init("staging");
    expect(project.calls("staging", "init")).toEqual(["staging init -input=false -no-color"]);
    expect(steps).toEqual(["staging init"]);
    const record = path.join(engine.stackDir("staging"), ".terraform", "heroku-flow-init.json");
    expect(JSON.parse(fs.readFileSync(record, "utf8"))).toEqual({
      terraform: plainConfig("staging").terraform,
      cliConfig: null,
    });
    await engine.init("staging");
    expect(steps).toEqual(["staging init"]);
  });

  test("the mirror in use is recorded", async () => {
    const { engine } = engineOver(undefined, { TF_CLI_CONFIG_FILE: "/mirror/terraform.rc" });
    await engine.init("staging");
    const record = path.join(engine.stackDir("staging"), ".terraform", "heroku-flow-init.json");
    expect(JSON.parse(fs.readFileSync(record, "utf8")).cliConfig).toBe("/mirror/terraform.rc");
  });
});

describe("plan", () => {
  const base = "plan -input=false -no-color -detailed-exitcode";

  test.each([
    [{}, `${base} -out=flow.tfplan`, "plan", "flow.tfplan"],
    [{ lock: true }, `${base} -out=flow.tfplan`, "plan", "flow.tfplan"],
    [{ lock: false }, `${base} -out=flow.tfplan -lock=false`, "plan", "flow.tfplan"],
    [{ refreshOnly: true }, `${base} -out=flow-drift.tfplan -refresh-only`, "plan (refresh-only)", "flow-drift.tfplan"],
    [{ destroy: true }, `${base} -out=flow.tfplan -destroy`, "plan (destroy)", "flow.tfplan"],
    [
      { lock: false, refreshOnly: true },
      `${base} -out=flow-drift.tfplan -lock=false -refresh-only`,
      "plan (refresh-only)",
      "flow-drift.tfplan",
    ],
  ])("options %j: `%s`, progress `%s`", async (options, args, step, planFile) => {
    const { project, engine, steps } = engineOver();
    const plan = await engine.plan("staging", options);
    expect(project.calls("staging", "plan")).toEqual([`staging ${args}`]);
    expect(steps).toEqual([`staging ${step}`]);
    expect(plan).toEqual({ stack: "staging", changed: false, planFile });
  });

  test("exit code 2 is a plan with changes; 1 is Terraform's error", async () => {
    const { project, engine } = engineOver();
    project.stackFile("staging", "exit.plan", "2");
    expect(await engine.plan("staging")).toEqual({ stack: "staging", changed: true, planFile: "flow.tfplan" });
    project.stackFile("staging", "exit.plan", "1");
    await expect(engine.plan("staging")).rejects.toThrow(
      new Error("terraform plan (staging) exited 1:\nError: plan of staging failed\n"),
    );
  });
});

describe("show, changes and apply", () => {
  const plan: StackPlan = { stack: "staging", changed: true, planFile: "flow.tfplan" };

  test("show parses `terraform show -json <plan file>`", async () => {
    const { project, engine } = engineOver();
    project.stackFile("staging", "show.json", showJson([]));
    expect(await engine.show(plan)).toEqual({ format_version: "1.2", resource_changes: [] });
    expect(project.calls("staging", "show")).toEqual(["staging show -json flow.tfplan"]);
  });

  test("changes: every resource change but a lone no-op, by address and actions", async () => {
    const { project, engine } = engineOver();
    project.stackFile(
      "staging",
      "show.json",
      showJson([
        { address: "heroku_app.a", change: { actions: ["no-op"] } },
        { address: "heroku_app.b", change: { actions: ["update"] } },
        { address: "heroku_app.c", change: { actions: ["delete", "create"] } },
        { address: "heroku_app.d", change: { actions: ["no-op", "update"] } },
        { address: "heroku_app.e", change: { actions: ["read"] } },
      ]),
    );
    expect(await engine.changes(plan)).toEqual([
      { address: "heroku_app.b", actions: ["update"] },
      { address: "heroku_app.c", actions: ["delete", "create"] },
      { address: "heroku_app.d", actions: ["no-op", "update"] },
      { address: "heroku_app.e", actions: ["read"] },
    ]);
  });

  test("changes: a plan without resource changes has none", async () => {
    const { project, engine } = engineOver();
    project.stackFile("staging", "show.json", showJson(undefined));
    expect(await engine.changes(plan)).toEqual([]);
  });

  test("apply: `terraform apply -input=false -no-color <plan file>`, with its progress line", async () => {
    const { project, engine, steps } = engineOver();
    await engine.apply({ stack: "staging", changed: true, planFile: "flow-drift.tfplan" });
    expect(project.calls("staging", "apply")).toEqual(["staging apply -input=false -no-color flow-drift.tfplan"]);
    expect(steps).toEqual(["staging apply"]);
  });
});

describe("discardingPlans", () => {
  test("deletes both plan files of every stack named, returns the work's result, and only those stacks'", async () => {
    const { project, engine } = engineOver();
    for (const stack of ["staging", "production"]) {
      for (const file of ["flow.tfplan", "flow-drift.tfplan"]) project.stackFile(stack, file, "secret");
    }
    expect(await engine.discardingPlans(["staging"], async () => "done")).toBe("done");
    expect(project.planFiles().sort()).toEqual(["production/flow-drift.tfplan", "production/flow.tfplan"]);
  });

  test("a failing work: its error, and the plan files deleted all the same", async () => {
    const { project, engine } = engineOver();
    project.stackFile("staging", "flow-drift.tfplan", "secret");
    await expect(
      engine.discardingPlans(["staging"], async () => {
        throw new Error("apply failed");
      }),
    ).rejects.toThrow("apply failed");
    expect(project.planFiles()).toEqual([]);
  });
});

describe("plannedCreations", () => {
  test("the planned attributes of the resources of a type the changed plans create, replacements included", async () => {
    const { project, engine } = engineOver();
    project.stackFile(
      "staging",
      "show.json",
      JSON.stringify({
        resource_changes: [
          { type: "heroku_app", change: { actions: ["create"], after: { name: "new-app" } } },
          { type: "heroku_app", change: { actions: ["delete", "create"], after: { name: "moved-app" } } },
          { type: "heroku_app", change: { actions: ["update"], after: { name: "updated-app" } } },
          { type: "heroku_domain", change: { actions: ["create"], after: { hostname: "example.com" } } },
        ],
      }),
    );
    project.stackFile("production", "show.json", JSON.stringify({ format_version: "1.2" }));
    project.stackFile(
      "pipeline",
      "show.json",
      JSON.stringify({
        resource_changes: [{ type: "heroku_app", change: { actions: ["create"], after: { name: "x" } } }],
      }),
    );
    const plans = new Map<string, StackPlan | Error>([
      ["staging", { stack: "staging", changed: true, planFile: "flow.tfplan" }],
      ["production", { stack: "production", changed: true, planFile: "flow.tfplan" }],
      // Unchanged or failed plans are not read at all.
      ["pipeline", { stack: "pipeline", changed: false, planFile: "flow.tfplan" }],
      ["review", new Error("plan failed")],
    ]);
    expect(await engine.plannedCreations(plans, "heroku_app")).toEqual([{ name: "new-app" }, { name: "moved-app" }]);
    expect(project.log().filter((line) => / show /.test(line))).toEqual([
      "staging show -json flow.tfplan",
      "production show -json flow.tfplan",
    ]);
  });
});

describe("deploy", () => {
  /** The stacks applied, in the order the fake Terraform was asked to. */
  const applied = (project: FakeProject) =>
    project
      .log()
      .filter((line) => / apply /.test(line))
      .map((line) => line.split(" ")[0]);

  test("a stack whose dependencies are not named is applied on its own", async () => {
    const { project, engine } = engineOver();
    project.stackFile("production", "exit.plan", "2");
    expect(await engine.deploy(["production"])).toEqual(["production"]);
    expect(applied(project)).toEqual(["production"]);
    expect(project.planFiles()).toEqual([]);
  });

  test("stacks of one level run at once: a dependency's apply starts its dependents together", async () => {
    const project = fakeProject({
      stacks: [
        { name: "pipeline", kind: "pipeline" },
        { name: "staging", dependencies: ["pipeline"] },
        { name: "review", dependencies: ["pipeline"] },
      ],
    });
    for (const stack of ["pipeline", "staging", "review"]) project.stackFile(stack, "exit.plan", "2");
    // Each apply waits until both level-one stacks have started applying: run one at a time, it would never finish.
    const waiting = script(
      project,
      "waiting-terraform",
      `if [ "$1" = apply ] && [ "$(basename "$PWD")" != pipeline ]; then
  touch "../$(basename "$PWD").applying"
  for i in $(seq 1 100); do [ -f ../staging.applying ] && [ -f ../review.applying ] && break; sleep 0.05; done
  [ -f ../staging.applying ] && [ -f ../review.applying ] || exit 9
fi
exec "${project.env.TERRAFORM_BINARY_NAME}" "$@"`,
    );
    const engine = new TerraformEngine(project.dir, { ...project.env, TERRAFORM_BINARY_NAME: waiting });
    expect((await engine.deploy(["review", "staging", "pipeline"])).sort()).toEqual(["pipeline", "review", "staging"]);
  });

  test("a manifest that loses a stack mid-deploy (another synth): the stack is refused, nothing more applied", async () => {
    const { project } = engineOver();
    for (const stack of ["pipeline", "staging", "production"]) project.stackFile(stack, "exit.plan", "2");
    const manifestFile = path.join(project.dir, "cdktf.out", "heroku-flow.json");
    const shrunk = { ...project.manifest, stacks: project.manifest.stacks.filter((stack) => stack.name !== "staging") };
    const resynth = script(
      project,
      "resynth-terraform",
      `if [ "$1" = apply ]; then echo '${JSON.stringify(shrunk)}' > "${manifestFile}"; fi
exec "${project.env.TERRAFORM_BINARY_NAME}" "$@"`,
    );
    const engine = new TerraformEngine(project.dir, { ...project.env, TERRAFORM_BINARY_NAME: resynth });
    await expect(engine.deploy(["pipeline", "staging", "production"])).rejects.toThrow(
      new Error("stack staging is not in the synthesized app"),
    );
    expect(applied(project)).toEqual(["pipeline"]);
  });
});

describe("appEntry", () => {
  test.each([
    ["node --import tsx main.ts", "main.ts"],
    ["node  -r ./setup.js   main.ts", "main.ts"],
    ["node app.mjs", "app.mjs"],
    ["node app.cjs", "app.cjs"],
    ["node app.js --flag", "app.js"],
    ["npx ts-node src/app.ts --flag", "src/app.ts"],
    ["deno run main.tsx", undefined],
    ["python3 main.py --lang=ts", undefined],
    ["sh synth.sh", undefined],
  ])("%j: %j", (command, entry) => {
    expect(appEntry(command)).toBe(entry);
  });
});
