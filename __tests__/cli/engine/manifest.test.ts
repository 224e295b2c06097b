/**
 * The engine's reading of the manifest: stacks in dependency order whatever order the user names them (a dependent
 * applied first reads its dependency's old outputs, or none on a first deploy), unknown stack names refused with the
 * names there are, and a manifest of another version, a missing one or a broken one refused rather than misread.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { inDependencyOrder, readManifest, stacksNamed } from "../../../cli/engine/manifest";
import { FLOW_MANIFEST_FILE } from "../../../constructs/flow/flow-manifest";
import { fakeProject, removeFakeProjects, THREE_STACKS } from "./support/fake-project";

afterAll(removeFakeProjects);

const { manifest } = fakeProject({
  stacks: [...THREE_STACKS, { name: "review-42", kind: "review", dependencies: ["pipeline"], reviewId: "42" }],
});

describe("inDependencyOrder", () => {
  test.each([
    [
      ["production", "staging", "pipeline"],
      ["pipeline", "staging", "production"],
    ],
    [
      ["staging", "production", "pipeline"],
      ["pipeline", "staging", "production"],
    ],
    [
      ["production", "pipeline"],
      ["pipeline", "production"],
    ],
    [
      ["review-42", "pipeline"],
      ["pipeline", "review-42"],
    ],
  ])("%j: dependencies first, %j", (named, ordered) => {
    expect(inDependencyOrder(manifest, named)).toEqual(ordered);
  });

  test("a dependency that is not named is taken as deployed already: it is not added", () => {
    expect(inDependencyOrder(manifest, ["production"])).toEqual(["production"]);
    expect(inDependencyOrder(manifest, ["production", "staging"])).toEqual(["staging", "production"]);
  });

  test("stacks that do not depend on each other keep the order they were named in", () => {
    expect(inDependencyOrder(manifest, ["review-42", "staging"])).toEqual(["review-42", "staging"]);
  });

  test("stacksNamed gives the entries in the order named; none named, none given", () => {
    expect(stacksNamed(manifest, ["production", "pipeline"]).map((stack) => stack.name)).toEqual([
      "production",
      "pipeline",
    ]);
    expect(stacksNamed(manifest, ["staging"])[0]).toBe(manifest.stacks[1]);
    expect(stacksNamed(manifest, [])).toEqual([]);
  });

  test("every unknown stack is named in one error", () => {
    expect(() => stacksNamed(manifest, ["prod", "staging", "dev"])).toThrow(
      new Error("no stack named prod, dev; the app has pipeline, staging, production, review-42"),
    );
  });

  test("an unknown stack is an error naming it and every stack there is", () => {
    const message = "no stack named prod; the app has pipeline, staging, production, review-42";
    expect(() => inDependencyOrder(manifest, ["staging", "prod"])).toThrow(message);
    expect(() => stacksNamed(manifest, ["prod"])).toThrow(message);
  });
});

describe("readManifest", () => {
  /** An output directory holding `content` as its manifest (none when undefined). */
  function outdirWith(content: string | undefined): string {
    const project = fakeProject({ stacks: [{ name: "staging" }] });
    const outdir = path.join(project.dir, "cdktf.out");
    if (content === undefined) fs.rmSync(path.join(outdir, FLOW_MANIFEST_FILE));
    else fs.writeFileSync(path.join(outdir, FLOW_MANIFEST_FILE), content);
    return outdir;
  }

  test("reads the manifest the app wrote", () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    expect(readManifest(path.join(project.dir, "cdktf.out"))).toEqual(project.manifest);
  });

  test("a missing manifest: run `heroku-flow synth` first", () => {
    expect(() => readManifest(outdirWith(undefined))).toThrow(
      /heroku-flow\.json does not exist: run `heroku-flow synth` first/,
    );
  });

  test("a missing manifest: one line with its path from here, what to run and why it is missing", () => {
    const outdir = outdirWith(undefined);
    const file = path.relative(process.cwd(), path.join(outdir, FLOW_MANIFEST_FILE));
    expect(() => readManifest(outdir)).toThrow(
      new Error(
        `${file} does not exist: run \`heroku-flow synth\` first ` +
          "(the app must build its stacks with HerokuFlow, which writes it)",
      ),
    );
  });

  test("a manifest that is not JSON: its path, JSON's own complaint, what to run", () => {
    const outdir = outdirWith('{"version": 1,');
    let complaint = "";
    try {
      JSON.parse('{"version": 1,');
    } catch (error) {
      complaint = (error as Error).message;
    }
    expect(() => readManifest(outdir)).toThrow(
      new Error(
        `${path.join(outdir, FLOW_MANIFEST_FILE)} is not valid JSON (${complaint}): run \`heroku-flow synth\` again`,
      ),
    );
  });

  test("a manifest from another version: the version found, the one read, and what to install", () => {
    const outdir = outdirWith(JSON.stringify({ ...manifest, version: 3 }));
    expect(() => readManifest(outdir)).toThrow(
      new Error(
        `${path.join(outdir, FLOW_MANIFEST_FILE)} has manifest version 3; this heroku-flow reads version 2: install the ` +
          "same heroku-flow-cdktf version the app synthesizes with, then run `heroku-flow synth` again",
      ),
    );
  });

  test("a manifest that is not JSON: run synth again", () => {
    expect(() => readManifest(outdirWith('{"version": 1,'))).toThrow(
      /heroku-flow\.json is not valid JSON \(.+\): run `heroku-flow synth` again/,
    );
  });

  // Version 1 is the format before the platform (Dokku) and an app's scale: synthesized by an older package.
  test.each([[1], [3], [0], ["2"], [undefined]])(
    "manifest version %j is refused, naming the version it reads",
    (version) => {
      expect(() => readManifest(outdirWith(JSON.stringify({ ...manifest, version })))).toThrow(
        `has manifest version ${JSON.stringify(version)}; this heroku-flow reads version 2`,
      );
    },
  );
});
