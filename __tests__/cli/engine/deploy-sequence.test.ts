/**
 * The one deploy sequence (`deployWithBootstrap`). Heroku rejects a formation for process types no release declared,
 * so an app without code must first be deployed with formation left out (the bootstrap synth), get its first code
 * push with the manifest's process types, and only then be deployed as declared. An app that has code is applied
 * directly from the plans already made: a bootstrap there would scale its dynos away and back.
 */
import * as fs from "node:fs";
import { type CodeReleases, deployWithBootstrap } from "../../../cli/engine/deploy-sequence";
import { TerraformEngine } from "../../../cli/engine/terraform-engine";
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

test("an app without code: bootstrap synth and deploy, first code push with the manifest's process types, deploy", async () => {
  const { project: made, engine } = project();
  const platform = releases(made, ["songlist-staging"]);
  const outcome = await deployWithBootstrap(engine, platform, ["staging", "pipeline"]);
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
  const outcome = await deployWithBootstrap(engine, releases(made, []), ["production", "staging", "pipeline"]);
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
  const outcome = await deployWithBootstrap(engine, releases(made, []), ["staging"]);
  expect(outcome.pushed).toEqual(["songlist-staging"]);
  expect(steps(made)).toContain("synth HEROKU_FLOW_BOOTSTRAP=true");
});

test("synthesized already: the first synth is not repeated", async () => {
  const { project: made, engine } = project();
  await deployWithBootstrap(engine, releases(made, []), ["pipeline"], { synthesized: true });
  expect(steps(made)).toEqual(["pipeline apply"]);
});
