import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, processContext, runBin } from "../../cli/bin";
import { type CommandContext, UsageError } from "../../cli/command";
import { apply } from "../../cli/commands/apply";
import { ci } from "../../cli/commands/ci";
import { cost } from "../../cli/commands/cost";
import { destroy } from "../../cli/commands/destroy";
import { drift } from "../../cli/commands/drift";
import { init } from "../../cli/commands/init";
import { note } from "../../cli/commands/note";
import { plan } from "../../cli/commands/plan";
import { promote } from "../../cli/commands/promote";
import { release } from "../../cli/commands/release";
import { rollback } from "../../cli/commands/rollback";
import { sandbox } from "../../cli/commands/sandbox";
import { synth } from "../../cli/commands/synth";
import { toolchain } from "../../cli/commands/toolchain";
import { packageVersion } from "../../cli/engine/package-root";
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

/**
 * The bin's own lines, each asserted exactly: a changed condition, padding or message fails one of these. `runBin` is
 * what the `heroku-flow` bin runs; it maps a failure to one line and exit code 2 (usage) or 1 (anything else).
 */
describe("heroku-flow: the exact help, version and failure lines", () => {
  const COMMAND_ORDER = [
    init,
    synth,
    plan,
    note,
    apply,
    release,
    promote,
    destroy,
    drift,
    rollback,
    cost,
    ci,
    sandbox,
    toolchain,
  ];

  test("--help, -h and help print the same usage: its header, one padded line per command, the exit codes", async () => {
    const printed: string[][] = [];
    for (const flag of ["--help", "-h", "help"]) {
      const c = context();
      expect(await main([flag], c)).toBe(0);
      expect(c.lines).toHaveLength(1);
      printed.push(c.lines[0].split("\n"));
    }
    expect(printed[1]).toEqual(printed[0]);
    expect(printed[2]).toEqual(printed[0]);
    const lines = printed[0];
    expect(lines.slice(0, 3)).toEqual([
      "usage: heroku-flow <command> [options]     (heroku-flow <command> --help for one command)",
      "",
      "Commands:",
    ]);
    // "toolchain" is the longest name (9): every name is padded to 11, then one space and the summary.
    expect(lines.slice(3, 3 + COMMAND_ORDER.length)).toEqual(
      COMMAND_ORDER.map((command) => `  ${command.name.padEnd(11)} ${command.summary}`),
    );
    expect(lines[3 + COMMAND_ORDER.length]).toBe("");
    expect(lines[4 + COMMAND_ORDER.length]).toBe("Settings (environment variables):");
    expect(lines.slice(-2)).toEqual([
      "",
      "Exit codes: 0 done, 1 failed (the reason is printed), 2 usage; drift: 3 drift found.",
    ]);
  });

  test("--version and -v print the package's version and exit 0", async () => {
    for (const flag of ["--version", "-v"]) {
      const c = context();
      expect(await main([flag], c)).toBe(0);
      expect(c.lines).toEqual([packageVersion()]);
    }
  });

  test("no command at all: a usage error that says to name one, followed by the usage", async () => {
    const help = context();
    await main(["--help"], help);
    await expect(main([], context())).rejects.toThrow(new UsageError(`name a command\n\n${help.lines[0]}`));
  });

  test("an unknown command: exactly one line naming it and every command there is", async () => {
    const error = await main(["deploy"], context()).catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'unknown command "deploy"; the commands are init, synth, plan, note, apply, release, promote, destroy, drift, ' +
        "rollback, cost, ci, sandbox, toolchain (heroku-flow --help)",
    );
  });

  test("--help or -h anywhere after a command prints that command's help and runs nothing", async () => {
    for (const args of [
      ["synth", "--help"],
      ["synth", "--bogus", "-h"],
      ["apply", "staging", "--help"],
    ]) {
      const c = context();
      expect(await main(args, c)).toBe(0);
      expect(c.lines).toEqual([args[0] === "synth" ? synth.help : apply.help]);
      expect(fs.readdirSync(c.dir)).toEqual([]);
    }
  });
});

describe("runBin: exit codes and one-line errors", () => {
  function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
    const c = context(env);
    const errors: string[] = [];
    return runBin(argv, c, (line) => errors.push(line)).then((code) => ({ code, errors, lines: c.lines }));
  }

  test("success: the command's exit code, nothing on stderr", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, errors: [], lines: [packageVersion()] });
  });

  test("a usage error: exit 2 and one line prefixed heroku-flow:, no stack trace", async () => {
    expect(await run(["synth", "--bogus"])).toEqual({
      code: 2,
      errors: ["heroku-flow: synth: Unknown option '--bogus' (see heroku-flow synth --help)"],
      lines: [],
    });
  });

  test("any other failure: exit 1 and its one line, no stack trace", async () => {
    const { code, errors } = await run(["note"]);
    expect(code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^heroku-flow: .*heroku-flow\.json does not exist: run `heroku-flow synth`/);
    expect(errors[0]).not.toContain("\n");
  });

  test("HEROKU_FLOW_DEBUG=1 adds the stack trace as a second line; any other value does not", async () => {
    const debug = await run(["note"], { HEROKU_FLOW_DEBUG: "1" });
    expect(debug.code).toBe(1);
    expect(debug.errors).toHaveLength(2);
    expect(debug.errors[1]).toMatch(/^Error: .*\n\s+at /);
    expect((await run(["note"], { HEROKU_FLOW_DEBUG: "0" })).errors).toHaveLength(1);
  });

  test("by default: the process's arguments after the script, its directory and environment, stdout and stderr", async () => {
    const argv = process.argv;
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      process.argv = [argv[0], "heroku-flow", "--version"];
      expect(await runBin()).toBe(0);
      expect(log.mock.calls).toEqual([[packageVersion()]]);
      process.argv = [argv[0], "heroku-flow", "synth", "--bogus"];
      expect(await runBin()).toBe(2);
      expect(error.mock.calls).toEqual([
        ["heroku-flow: synth: Unknown option '--bogus' (see heroku-flow synth --help)"],
      ]);
    } finally {
      process.argv = argv;
      log.mockRestore();
      error.mockRestore();
    }
  });

  test("the process context: the current directory, the process's environment, lines on stdout", () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const made = processContext();
      expect(made.dir).toBe(process.cwd());
      expect(made.env).toBe(process.env);
      made.print("a line");
      expect(log.mock.calls).toEqual([["a line"]]);
    } finally {
      log.mockRestore();
    }
  });
});
