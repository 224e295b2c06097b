import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { UsageError, type CommandContext } from "../../cli/command";
import { ci, generateGitlabCi } from "../../cli/commands/ci";
import type { FlowManifest } from "../../constructs/flow/flow-manifest";
import { synthesizedManifest } from "./support/manifests";

/** A project directory holding songlist's manifest in cdktf.out, as `heroku-flow synth` leaves it. */
function project(manifest: FlowManifest): { dir: string; context: CommandContext; printed: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-ci-"));
  fs.mkdirSync(path.join(dir, "cdktf.out"));
  fs.writeFileSync(path.join(dir, "cdktf.out", "heroku-flow.json"), JSON.stringify(manifest));
  const printed: string[] = [];
  return { dir, context: { dir, env: {}, print: (line) => printed.push(line) }, printed };
}

describe("heroku-flow ci", () => {
  let manifest: FlowManifest;
  let expected: string;
  beforeAll(() => {
    manifest = synthesizedManifest();
    expected = generateGitlabCi(manifest);
  });

  test("writes .gitlab-ci.yml in the project directory, or --out", async () => {
    const { dir, context, printed } = project(manifest);
    expect(await ci.run([], context)).toBe(0);
    expect(fs.readFileSync(path.join(dir, ".gitlab-ci.yml"), "utf8")).toBe(expected);
    expect(printed).toEqual(["Wrote .gitlab-ci.yml"]);
    expect(await ci.run(["--out", "ci/pipeline.yml"], { ...context, print: () => {} })).toBe(0);
    expect(fs.readFileSync(path.join(dir, "ci", "pipeline.yml"), "utf8")).toBe(expected);
  });

  test("--check on a stale file exits 1, names the file and the command, and writes nothing", async () => {
    const { dir, context, printed } = project(manifest);
    const file = path.join(dir, ".gitlab-ci.yml");
    const stale = expected.replace("deploy:staging", "deploy:staging-old");
    fs.writeFileSync(file, stale);
    const before = fs.statSync(file).mtimeMs;
    expect(await ci.run(["--check"], context)).toBe(1);
    expect(printed).toEqual([".gitlab-ci.yml is out of date with the manifest: run `heroku-flow ci` to regenerate it"]);
    expect(fs.readFileSync(file, "utf8")).toBe(stale);
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  test("--check on a missing file exits 1 and creates none", async () => {
    const { dir, context, printed } = project(manifest);
    expect(await ci.run(["--check"], context)).toBe(1);
    expect(printed).toEqual([".gitlab-ci.yml does not exist: run `heroku-flow ci` to write it"]);
    expect(fs.existsSync(path.join(dir, ".gitlab-ci.yml"))).toBe(false);
  });

  test("a Dokku topology's pipeline is not generated yet: refused, saying so, and nothing is written", async () => {
    const { dir, context } = project({ ...manifest, platform: "dokku" });
    await expect(ci.run([], context)).rejects.toThrow(
      "heroku-flow ci works on Heroku apps, and this topology's run on Dokku: the pipeline for Dokku " +
        "(`git push dokku@<host>:<app>`) is not generated yet: write its deploy jobs by hand",
    );
    expect(fs.existsSync(path.join(dir, ".gitlab-ci.yml"))).toBe(false);
  });

  test("--check on a fresh file exits 0", async () => {
    const { dir, context, printed } = project(manifest);
    fs.writeFileSync(path.join(dir, ".gitlab-ci.yml"), expected);
    expect(await ci.run(["--check", "--provider", "gitlab"], context)).toBe(0);
    expect(printed).toEqual([".gitlab-ci.yml is up to date"]);
  });

  test("does not synthesize: without a manifest it says to run heroku-flow synth", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-ci-"));
    await expect(ci.run([], { dir, env: {}, print: () => {} })).rejects.toThrow(/heroku-flow synth/);
    expect(fs.existsSync(path.join(dir, ".gitlab-ci.yml"))).toBe(false);
  });

  test("an unknown flag or provider is a usage error", async () => {
    const { context } = project(manifest);
    await expect(ci.run(["--chek"], context)).rejects.toThrow(UsageError);
    await expect(ci.run(["--chek"], context)).rejects.toThrow(/--chek/);
    await expect(ci.run(["--provider", "jenkins"], context)).rejects.toThrow(UsageError);
    await expect(ci.run(["--provider", "jenkins"], context)).rejects.toThrow(/"jenkins" is not supported/);
  });

  test("each usage error is one exact line, and nothing is written", async () => {
    const { dir, context } = project(manifest);
    for (const [args, message] of [
      [["--provider", "jenkins"], 'ci: --provider "jenkins" is not supported; use gitlab, circleci'],
      [["--out"], "ci: Option '--out <value>' argument missing (see heroku-flow ci --help)"],
      [["--check=yes"], "ci: Option '--check' does not take an argument (see heroku-flow ci --help)"],
      [["extra"], "ci: Unexpected argument 'extra' (see heroku-flow ci --help)"],
    ] as const) {
      const error = await ci.run(args, context).catch((thrown: Error) => thrown);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(message);
    }
    expect(fs.readdirSync(dir)).toEqual(["cdktf.out"]);
  });

  test("--out into folders that do not exist yet, twice: each time written and named relative to the project", async () => {
    const { dir, context, printed } = project(manifest);
    for (let run = 0; run < 2; run++) expect(await ci.run(["--out", "ci/deep/pipeline.yml"], context)).toBe(0);
    expect(fs.readFileSync(path.join(dir, "ci", "deep", "pipeline.yml"), "utf8")).toBe(expected);
    expect(printed).toEqual(["Wrote ci/deep/pipeline.yml", "Wrote ci/deep/pipeline.yml"]);
  });

  test("--check of a file given with --out names it as given", async () => {
    const { dir, context, printed } = project(manifest);
    fs.writeFileSync(path.join(dir, "pipeline.yml"), expected);
    expect(await ci.run(["--check", "--out", "pipeline.yml"], context)).toBe(0);
    expect(printed).toEqual(["pipeline.yml is up to date"]);
  });

  test("its help documents the options and exit codes", () => {
    for (const option of ["--out FILE", "--check", "--provider gitlab", "heroku-flow synth"]) {
      expect(ci.help).toContain(option);
    }
    expect(ci.help).toMatch(/Exit codes: 0 .*; 1 [^]*; 2 usage/);
    expect(ci.name).toBe("ci");
  });
});
