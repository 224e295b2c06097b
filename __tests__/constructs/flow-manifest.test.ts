import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App } from "cdktf";
import {
  DynoSize,
  FLOW_MANIFEST_FILE,
  FLOW_MANIFEST_VERSION,
  type FlowManifest,
  FlowValidation,
  HerokuFlow,
  type TopologyConfig,
} from "../../constructs";
import { songlist } from "../../stacks/songlist";

const ROOT = path.resolve(__dirname, "..", "..");

/** Synthesizes `topology` like `main.ts` does; returns the manifest, or the report when the app is invalid. */
function synth(
  topology: TopologyConfig,
  env: NodeJS.ProcessEnv = {},
  procfile?: string,
): { manifest?: FlowManifest; problems: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  const app = new App({ outdir });
  new HerokuFlow(app, topology, { env, procfile: procfile ?? path.join(outdir, "no-Procfile") });
  const problems = FlowValidation.of(app)
    .problems()
    .map((problem) => `${problem.field}: ${problem.value} ${problem.rule}`);
  if (problems.length > 0) return { problems };
  app.synth();
  return { manifest: JSON.parse(fs.readFileSync(path.join(outdir, FLOW_MANIFEST_FILE), "utf8")), problems };
}

describe("the manifest HerokuFlow writes beside the stacks", () => {
  const { manifest } = synth(songlist, { HEROKU_FLOW_REVIEW_ID: "42" });

  test("names every stack with its kind, trigger, apps and deploy keys, dependencies first", () => {
    expect(manifest!.version).toBe(FLOW_MANIFEST_VERSION);
    expect(manifest!.stacks.map((stack) => [stack.name, stack.kind, stack.deployOn])).toEqual([
      ["pipeline", "pipeline", "merge"],
      ["staging", "long-lived", "merge"],
      ["production", "long-lived", "tag"],
      ["review-42", "review", "review"],
    ]);
    const production = manifest!.stacks.find((stack) => stack.name === "production")!;
    expect(production).toMatchObject({
      dependencies: ["pipeline"],
      apps: [{ name: "songlist", formation: ["web"] }],
      productionLike: true,
      deployKeyVariables: ["heroku_deploy_key_production"],
      gitlabEnvironment: "production",
      stateName: "production",
    });
    expect(manifest!.stacks.find((stack) => stack.kind === "review")).toMatchObject({
      reviewId: "42",
      apps: [{ name: "songlist-review-42" }],
      gitlabEnvironment: "review/42",
    });
  });

  test("carries the topology's process types, GitLab project, release tag and review lifetime", () => {
    expect(manifest!.processTypes).toEqual({ web: "gunicorn app:app" });
    expect(manifest!.gitlabProject).toBe("songlist/songlist");
    expect(manifest!.releaseTag).toBe("v*");
    expect(manifest!.review).toEqual({ deployKeyVariable: "heroku_deploy_key_review", autoStopIn: "1 week" });
  });

  test("with the GitLab side off, no project, no GitLab environments and no deploy keys", () => {
    const { manifest: withoutGitlab } = synth(songlist, { HEROKU_FLOW_GITLAB: "false" });
    expect(withoutGitlab!.gitlabProject).toBeUndefined();
    expect(withoutGitlab!.stacks.every((stack) => stack.gitlabEnvironment === undefined)).toBe(true);
    expect(withoutGitlab!.stacks.flatMap((stack) => stack.deployKeyVariables)).toEqual([]);
  });

  test("a qa environment added to the topology is one more long-lived stack, deployed on merge", () => {
    const qa = { ...songlist.environments[0], name: "qa", appName: "songlist-qa" };
    const { manifest: withQa } = synth({ ...songlist, environments: [...songlist.environments, qa] });
    expect(withQa!.stacks.find((stack) => stack.name === "qa")).toMatchObject({
      kind: "long-lived",
      deployOn: "merge",
    });
  });
});

describe("process types", () => {
  const withoutProcessTypes: TopologyConfig = { ...songlist, processTypes: undefined };

  test("are read from the Procfile when the topology does not declare them", () => {
    const procfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "procfile-")), "Procfile");
    fs.writeFileSync(procfile, "# the app\nweb: npm start\n\nworker: node worker.js\n");
    expect(synth(withoutProcessTypes, {}, procfile).manifest!.processTypes).toEqual({
      web: "npm start",
      worker: "node worker.js",
    });
  });

  test("a Procfile line that declares nothing is reported with its line number", () => {
    const procfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "procfile-")), "Procfile");
    fs.writeFileSync(procfile, "web: npm start\nnode worker.js\n");
    expect(synth(withoutProcessTypes, {}, procfile).problems.join("\n")).toMatch(
      /Procfile line 2: "node worker\.js" must read "<process type>: <command>"/,
    );
  });

  test("formation of a process type the code does not declare is refused at synth, naming the entry", () => {
    const topology: TopologyConfig = {
      ...songlist,
      environments: [
        {
          ...songlist.environments[0],
          formation: { web: { size: DynoSize.BASIC, quantity: 1 }, worker: { size: DynoSize.BASIC, quantity: 1 } },
        },
      ],
    };
    expect(synth(topology).problems.join("\n")).toMatch(
      /environments\[0\]\.formation\.worker: "worker" must be a process type the code declares \(web/,
    );
  });

  test("with neither processTypes nor a Procfile, nothing is guessed", () => {
    expect(synth(withoutProcessTypes).manifest!.processTypes).toEqual({});
  });

  test("no command of any language is a default anywhere in the library or the engine", () => {
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(dir, entry.name);
        return entry.isDirectory() ? sources(file) : file.endsWith(".ts") ? [file] : [];
      });
    const offenders = [...sources(path.join(ROOT, "constructs")), ...sources(path.join(ROOT, "cli"))].filter((file) =>
      /gunicorn/.test(fs.readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
