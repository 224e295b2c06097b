/**
 * The one deploy sequence (`deployWithBootstrap`). Heroku rejects a formation for process types no release declared,
 * so an app without code must first be deployed with formation left out (the bootstrap synth), get its first code
 * push with the manifest's process types, and only then be deployed as declared. An app that has code is applied
 * directly from the plans already made: a bootstrap there would scale its dynos away and back.
 */
import * as fs from "node:fs";
import { type CodeReleases, deployWithBootstrap } from "../../../cli/engine/deploy-sequence";
import { TerraformEngine, type StackPlan } from "../../../cli/engine/terraform-engine";
import { fakeProject, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

afterAll(removeFakeProjects);

const PROCESS_TYPES = { web: "npm start", worker: "node worker.js" };

/** The project with every stack's plan showing changes, and an engine over it. */
function project(): { project: FakeProject; engine: TerraformEngine } {
  const made = fakeProject({ stacks: THREE_STACKS, processTypes: PROCESS_TYPES });
  for (const stack of ["pipeline", "staging", "production"]) made.stackFile(stack, "exit.plan", "2");
  return { project: made, engine: new TerraformEngine(made.dir, made.env) };
}

/**
 * The platform side: `withoutCode` are the apps that have no code yet. A push is noted in the project's log, between
 * the synths and Terraform calls it came after; the apps asked about are kept.
 */
function releases(made: FakeProject, withoutCode: readonly string[]): CodeReleases & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    appsWithoutCode: async (names) => {
      asked.push([...names]);
      return names.filter((name) => withoutCode.includes(name));
    },
    pushCode: async (appName, processTypes) => {
      fs.appendFileSync(made.env.FAKE_TERRAFORM_LOG!, `push ${appName} ${JSON.stringify(processTypes)}\n`);
    },
  };
}

/** The log's synths, applies and pushes: the sequence's steps, without the inits and plans between them. */
const steps = (made: FakeProject) =>
  made
    .log()
    .filter((line) => /^(synth|push) |^\S+ apply /.test(line))
    .map((line) => line.replace(/ apply .*/, " apply"));

test("on Dokku the plans are applied as they are: no bootstrap, and Heroku is never asked for", async () => {
  const made = fakeProject({ stacks: THREE_STACKS, processTypes: PROCESS_TYPES, platform: "dokku" });
  made.stackFile("staging", "exit.plan", "2");
  const heroku = jest.fn((): CodeReleases => {
    throw new Error("Heroku asked for on Dokku");
  });
  const outcome = await deployWithBootstrap(new TerraformEngine(made.dir, made.env), heroku, ["staging"]);
  expect(steps(made)).toEqual(["synth HEROKU_FLOW_BOOTSTRAP=", "staging apply"]);
  expect(outcome).toEqual({ pushed: [], changedStacks: ["staging"] });
  expect(heroku).not.toHaveBeenCalled();
});

test("an app without code: bootstrap synth and deploy, first code push with the manifest's process types, deploy", async () => {
  const { project: made, engine } = project();
  const platform = releases(made, ["songlist-staging"]);
  const outcome = await deployWithBootstrap(engine, () => platform, ["staging", "pipeline"]);
  expect(steps(made)).toEqual([
    "synth HEROKU_FLOW_BOOTSTRAP=",
    "synth HEROKU_FLOW_BOOTSTRAP=true",
    "pipeline apply",
    "staging apply",
    `push songlist-staging ${JSON.stringify(PROCESS_TYPES)}`,
    "synth HEROKU_FLOW_BOOTSTRAP=",
    "pipeline apply",
    "staging apply",
  ]);
  expect(outcome).toEqual({
    pushed: ["songlist-staging"],
    changedStacks: ["pipeline", "staging", "pipeline", "staging"],
  });
  // Only the apps of the stacks being deployed are asked about.
  expect(platform.asked).toEqual([["songlist-staging"]]);
});

test("apps with code: the plans made are applied directly, no bootstrap synth, no push", async () => {
  const { project: made, engine } = project();
  const outcome = await deployWithBootstrap(engine, () => releases(made, []), ["production", "staging", "pipeline"]);
  expect(steps(made)).toEqual(["synth HEROKU_FLOW_BOOTSTRAP=", "pipeline apply", "staging apply", "production apply"]);
  expect(outcome).toEqual({ pushed: [], changedStacks: ["pipeline", "staging", "production"] });
  // The stacks without a changed dependency are planned once: the plans made first are the ones applied.
  expect(made.calls("pipeline", "plan")).toHaveLength(1);
});

test("an app the plan replaces (e.g. a new region) has no code afterwards: it is bootstrapped too", async () => {
  const { project: made, engine } = project();
  made.stackFile(
    "staging",
    "show.json",
    JSON.stringify({
      format_version: "1.2",
      resource_changes: [
        {
          address: "heroku_app.app",
          type: "heroku_app",
          name: "app",
          change: {
            actions: ["delete", "create"],
            before: { name: "songlist-staging" },
            after: { name: "songlist-staging" },
          },
        },
      ],
    }),
  );
  const outcome = await deployWithBootstrap(engine, () => releases(made, []), ["staging"]);
  expect(outcome.pushed).toEqual(["songlist-staging"]);
  expect(steps(made)).toContain("synth HEROKU_FLOW_BOOTSTRAP=true");
});

test("synthesized already: the first synth is not repeated", async () => {
  const { project: made, engine } = project();
  await deployWithBootstrap(engine, () => releases(made, []), ["pipeline"], { synthesized: true });
  expect(steps(made)).toEqual(["pipeline apply"]);
});

describe("the sequence's steps, exactly (an engine that records its calls)", () => {
  const manifest = fakeProject({ stacks: THREE_STACKS, processTypes: PROCESS_TYPES }).manifest;
  const plans = new Map<string, StackPlan | Error>([["staging", { stack: "staging", changed: true, planFile: "p" }]]);

  /** An engine whose plans create the apps `replaced`, noting every call; and a platform noting every push. */
  function recorded(withoutCode: string[], replaced: string[] = []) {
    const calls: string[] = [];
    const engine = {
      synth: async (env: unknown) => void calls.push(`synth ${JSON.stringify(env)}`),
      discardingPlans: async (stacks: string[], work: () => Promise<unknown>) => {
        calls.push(`plans of ${stacks.join(",")}`);
        try {
          return await work();
        } finally {
          calls.push("plans discarded");
        }
      },
      planForDeploy: async (stacks: string[]) => (calls.push(`plan ${stacks.join(",")}`), plans),
      plannedCreations: async (made: unknown, type: string) => {
        calls.push(`creations of ${type}${made === plans ? " in the plans made" : ""}`);
        return replaced.map((name) => ({ name }));
      },
      manifest: () => manifest,
      applyPlanned: async (stacks: string[], made: unknown) => {
        calls.push(`apply ${stacks.join(",")}${made === plans ? " the plans made" : ""}`);
        return ["staging"];
      },
      deploy: async (stacks: string[]) => (calls.push(`deploy ${stacks.join(",")}`), ["pipeline", "staging"]),
    } as unknown as TerraformEngine;
    const platform: CodeReleases = {
      appsWithoutCode: async (names) => names.filter((name) => withoutCode.includes(name)),
      pushCode: async (appName, processTypes) => void calls.push(`push ${appName} ${JSON.stringify(processTypes)}`),
    };
    return { engine, platform, calls };
  }

  test("apps with code: synth with the given settings, plan, apply the plans made; then the plans are discarded", async () => {
    const { engine, platform, calls } = recorded([]);
    const steps: string[] = [];
    const outcome = await deployWithBootstrap(engine, () => platform, ["staging", "pipeline"], {
      env: { MARK: "1" },
      onStep: (step) => steps.push(step),
    });
    expect(outcome).toEqual({ pushed: [], changedStacks: ["staging"] });
    expect(calls).toEqual([
      'synth {"MARK":"1"}',
      "plans of staging,pipeline",
      "plan staging,pipeline",
      "creations of heroku_app in the plans made",
      "apply staging,pipeline the plans made",
      "plans discarded",
    ]);
    expect(steps).toEqual([]);
  });

  test("no settings given: every synth with none", async () => {
    const { engine, platform, calls } = recorded(["songlist-staging"]);
    await deployWithBootstrap(engine, () => platform, ["staging"]);
    expect(calls.filter((call) => call.startsWith("synth"))).toEqual([
      "synth {}",
      'synth {"HEROKU_FLOW_BOOTSTRAP":"true"}',
      "synth {}",
    ]);
  });

  test("one app without code: bootstrap synth and deploy, its push, the synth and deploy as declared; `has`", async () => {
    const { engine, platform, calls } = recorded(["songlist-staging"]);
    const steps: string[] = [];
    const outcome = await deployWithBootstrap(engine, () => platform, ["staging"], {
      env: { MARK: "1" },
      onStep: (step) => steps.push(step),
    });
    expect(calls).toEqual([
      'synth {"MARK":"1"}',
      "plans of staging",
      "plan staging",
      "creations of heroku_app in the plans made",
      'synth {"MARK":"1","HEROKU_FLOW_BOOTSTRAP":"true"}',
      "deploy staging",
      `push songlist-staging ${JSON.stringify(PROCESS_TYPES)}`,
      'synth {"MARK":"1"}',
      "deploy staging",
      "plans discarded",
    ]);
    expect(steps).toEqual(["bootstrap: songlist-staging has no code yet", "first code push: songlist-staging"]);
    expect(outcome).toEqual({
      pushed: ["songlist-staging"],
      changedStacks: ["pipeline", "staging", "pipeline", "staging"],
    });
  });

  test("apps without code and apps the plans replace: each once, pushed in that order; `have`", async () => {
    const { engine, platform, calls } = recorded(["songlist-production"], ["songlist-staging", "songlist-production"]);
    const steps: string[] = [];
    const outcome = await deployWithBootstrap(engine, () => platform, ["staging", "production"], {
      synthesized: true,
      onStep: (step) => steps.push(step),
    });
    expect(outcome.pushed).toEqual(["songlist-production", "songlist-staging"]);
    expect(calls.filter((call) => call.startsWith("push ")).map((call) => call.split(" ")[1])).toEqual([
      "songlist-production",
      "songlist-staging",
    ]);
    expect(calls[0]).toBe("plans of staging,production");
    expect(steps).toEqual([
      "bootstrap: songlist-production, songlist-staging have no code yet",
      "first code push: songlist-production, songlist-staging",
    ]);
  });
});
