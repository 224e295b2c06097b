import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../cli/bin";
import { type CommandContext, UsageError } from "../../cli/command";
import { FLOW_MANIFEST_FILE, FLOW_MANIFEST_VERSION } from "../../constructs/flow/flow-manifest";

/** A context over a fresh empty project directory, collecting what is printed. */
function context(env: NodeJS.ProcessEnv = {}): CommandContext & { lines: string[] } {
  const lines: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-bin-"));
  return { dir, env: { PATH: process.env.PATH, HOME: dir, ...env }, print: (line) => lines.push(line), lines };
}

function writeManifest(dir: string, manifest: object): void {
  fs.mkdirSync(path.join(dir, "cdktf.out"), { recursive: true });
  fs.writeFileSync(path.join(dir, "cdktf.out", FLOW_MANIFEST_FILE), JSON.stringify(manifest));
}

describe("heroku-flow: dispatch and help", () => {
  test("--help lists every command with its summary and exits 0", async () => {
    const c = context();
    expect(await main(["--help"], c)).toBe(0);
    const help = c.lines.join("\n");
    for (const command of [
      "init",
      "synth",
      "plan",
      "note",
      "apply",
      "release",
      "destroy",
      "drift",
      "rollback",
      "ci",
      "sandbox",
    ]) {
      expect(help).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
    }
    expect(help).toContain("HEROKU_FLOW_CODE_PUSH");
    expect(help).toContain("HEROKU_FLOW_OFFLINE");
  });

  test("each command's --help prints its own usage and exit codes", async () => {
    for (const command of [
      "plan",
      "apply",
      "drift",
      "sandbox",
      "toolchain",
      "release",
      "destroy",
      "rollback",
      "note",
    ]) {
      const c = context();
      expect(await main([command, "--help"], c)).toBe(0);
      expect(c.lines.join("\n")).toMatch(new RegExp(`usage: heroku-flow ${command}`));
      expect(c.lines.join("\n")).toMatch(/Exit codes:/);
    }
  });

  test("an unknown command is a usage error that names it and the commands there are", async () => {
    await expect(main(["deploy"], context())).rejects.toThrow(UsageError);
    await expect(main(["deploy"], context())).rejects.toThrow(/unknown command "deploy".*synth, plan/);
  });

  test("an unknown flag, a bad --lock or --parallelism, or stacks with --review are usage errors naming the flag", async () => {
    await expect(main(["plan", "--bogus"], context())).rejects.toThrow(/plan: Unknown option '--bogus'/);
    await expect(main(["plan", "--lock=maybe"], context())).rejects.toThrow(/--lock "maybe" must be true or false/);
    await expect(main(["plan", "--parallelism", "0"], context())).rejects.toThrow(/--parallelism "0"/);
    await expect(main(["apply", "staging", "--review", "42"], context())).rejects.toThrow(/not both/);
    await expect(main(["apply"], context())).rejects.toThrow(/name the stacks/);
    await expect(main(["rollback"], context())).rejects.toThrow(/exactly one stack/);
    await expect(main(["sandbox"], context())).rejects.toThrow(UsageError);
  });
});

describe("heroku-flow: the manifest is the contract", () => {
  test("a missing manifest says to run synth", async () => {
    await expect(main(["note"], context())).rejects.toThrow(
      /heroku-flow\.json does not exist: run `heroku-flow synth`/,
    );
  });

  test("a manifest of another version is refused, naming both versions", async () => {
    const c = context();
    writeManifest(c.dir, { version: FLOW_MANIFEST_VERSION + 1, stacks: [] });
    await expect(main(["note"], c)).rejects.toThrow(
      new RegExp(
        `manifest version ${FLOW_MANIFEST_VERSION + 1}; this heroku-flow reads version ${FLOW_MANIFEST_VERSION}`,
      ),
    );
  });

  test("a manifest that is not JSON says so", async () => {
    const c = context();
    fs.mkdirSync(path.join(c.dir, "cdktf.out"));
    fs.writeFileSync(path.join(c.dir, "cdktf.out", FLOW_MANIFEST_FILE), "{ half");
    await expect(main(["note"], c)).rejects.toThrow(/is not valid JSON/);
  });
});

describe("heroku-flow sandbox", () => {
  test("env and inspect without a running sandbox say how to start one", async () => {
    await expect(main(["sandbox", "env"], context())).rejects.toThrow(
      /no sandbox is running.*heroku-flow sandbox start/,
    );
  });

  test("status of a sandbox that does not run exits 1", async () => {
    const c = context();
    expect(await main(["sandbox", "status"], c)).toBe(1);
  });
});
