/**
 * What `npm run test:acceptance` (scripts/acceptance/) does when a step cannot be done: a missing archive, no Go, a
 * test binary that does not build, a sandbox that does not start. Each is one line naming the step and what to do,
 * exit 1, and nothing left behind (no scratch folder, no cache entry a later run would take as built). And a test that
 * hangs is stopped at the per-test limit, reported as "timed out", its whole process group gone.
 *
 * The real main.ts runs as a child process, with a scratch cache (HEROKU_FLOW_CACHE_DIR), a scratch TMPDIR and
 * provider archives made here (HEROKU_FLOW_PROVIDER_SOURCES); the build and the per-test limit are also driven in this
 * process. No real provider is built: a failing build is a two-file Go module, and where a run must get past the build
 * its cache entry is made here under the name the harness gives it, the "test binary" being a shell script.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { binaryName, buildAcceptanceTests } from "../../scripts/acceptance/build";
import { runTest } from "../../scripts/acceptance/run-test";
import { readSelection, type ProviderName } from "../../scripts/acceptance/selection";
import { acceptanceCacheDir, locateArchive, requireGo } from "../../scripts/acceptance/sources";
import { StepFailure } from "../../scripts/acceptance/step-failure";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const selection = readSelection();

let scratch: string;
/** The scratch folders of one case: the archives, the toolchain cache and the child's TMPDIR. */
let dirs: { sources: string; cache: string; tmp: string; work: string };

beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "acceptance-failures-"));
  dirs = {
    sources: path.join(scratch, "sources"),
    cache: path.join(scratch, "cache"),
    tmp: path.join(scratch, "tmp"),
    work: path.join(scratch, "work"),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir);
});

afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A provider's release archive as the harness expects it: one tree `terraform-provider-<name>-<version>/`. */
function makeArchive(provider: ProviderName, files: Record<string, string>): string {
  const tree = `terraform-provider-${provider}-${selection[provider].version}`;
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dirs.work, tree, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  const archive = path.join(dirs.sources, `${tree}.tar.gz`);
  const tar = spawnSync("tar", ["-czf", archive, "-C", dirs.work, tree], { encoding: "utf8" });
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  return archive;
}

/** A Go module whose test file does not compile, in the provider's test package. */
function brokenModule(provider: ProviderName): Record<string, string> {
  const pkg = selection[provider].tests[0].package;
  const name = path.basename(pkg);
  return {
    "go.mod": `module example.com/terraform-provider-${provider}\n\ngo 1.22\n`,
    [`${pkg}/broken_test.go`]: `package ${name}\n\nimport "testing"\n\nfunc TestBroken(t *testing.T) {\n\tnotDefined(t)\n}\n`,
  };
}

/** Go in the child runs without network or toolchain downloads: the modules made here have no dependency. */
const OFFLINE_GO = { GOTOOLCHAIN: "local", GOPROXY: "off", GOFLAGS: "" };

/** Runs the real `tsx scripts/acceptance/main.ts` with the scratch cache, archives and TMPDIR. */
function runMain(args: string[], env: Record<string, string | undefined> = {}) {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...OFFLINE_GO,
    HEROKU_FLOW_CACHE_DIR: dirs.cache,
    HEROKU_FLOW_PROVIDER_SOURCES: dirs.sources,
    TMPDIR: dirs.tmp,
    TERRAFORM_BINARY_NAME: undefined,
    NODE_OPTIONS: undefined,
    ...env,
  };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const result = spawnSync(TSX, ["scripts/acceptance/main.ts", ...args], {
    cwd: ROOT,
    env: childEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderrLines: result.stderr.split("\n").filter((line) => line.trim() !== ""),
  };
}

/** Every file and folder under `dir`, relative to it. */
function contents(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

/** What the run left in its TMPDIR, apart from tsx's own compile cache. */
function leftInTmp(): string[] {
  return fs.readdirSync(dirs.tmp).filter((name) => !name.startsWith("tsx-"));
}

/**
 * The finished cache entry of `provider`'s archive, made here where the harness would put it (`complete` and one
 * binary a package), so that a run takes it as built: each "binary" is `script`.
 */
function cachedBuild(provider: ProviderName, script: string): void {
  const archive = locateArchive(provider, selection[provider].version, dirs.sources);
  const target = path.join(
    acceptanceCacheDir({ HEROKU_FLOW_CACHE_DIR: dirs.cache }),
    `${archive.tree}-${archive.digest.slice(0, 16)}`,
  );
  for (const pkg of new Set(selection[provider].tests.map((test) => test.package))) {
    fs.mkdirSync(path.join(target, archive.tree, pkg), { recursive: true });
    const binary = path.join(target, "bin", binaryName(pkg));
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.writeFileSync(binary, script, { mode: 0o755 });
  }
  fs.writeFileSync(path.join(target, "complete"), `${archive.digest}\n`);
}

/**
 * A "test" that ignores every signal but KILL, starts a child that does too (an ignored signal stays ignored across
 * exec), writes both pids and its process group, and sleeps.
 */
function hangingScript(pidFile: string): string {
  return [
    "#!/bin/sh",
    "trap '' TERM INT HUP QUIT USR1 USR2",
    "sleep 120 &",
    `echo "$$ $! $(cut -d' ' -f5 /proc/$$/stat)" > '${pidFile}'`,
    "wait",
    "",
  ].join("\n");
}

/** Processes of process group `group` that still run (a zombie, killed and not yet reaped, does not). */
function groupMembers(group: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        // "pid (comm) state ppid pgrp …": the comm may hold spaces, so split after its closing parenthesis.
        const [state, , pgrp] = fs
          .readFileSync(`/proc/${pid}/stat`, "utf8")
          .replace(/^.*\) /s, "")
          .split(" ");
        return Number(pgrp) === group && state !== "Z" && state !== "X";
      } catch {
        return false;
      }
    });
}

/**
 * The hanging script's pids and process group, once every process of that group has gone (waiting a little: a
 * SIGKILL is not instant), or the members still running.
 */
async function hangingGroupAfterwards(pidFile: string) {
  const [script, sleeper, group] = fs.readFileSync(pidFile, "utf8").trim().split(" ").map(Number);
  const deadline = Date.now() + 2000;
  while (groupMembers(group).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const running = groupMembers(group);
  // Should the harness have left them, do not leave them to this machine.
  for (const pid of running) process.kill(pid, "SIGKILL");
  return { script, sleeper, group, running };
}

describe("a step that cannot be done: one line naming it and what to do, exit 1, nothing left behind", () => {
  it("a missing archive", () => {
    const { code, stdout, stderrLines } = runMain(["--provider", "heroku", "--build-only"]);
    expect(stderrLines).toEqual([
      `acceptance: step "heroku archive" failed: ${path.join(dirs.sources, "terraform-provider-heroku-5.3.2.tar.gz")} ` +
        "is missing; what to do: put the provider's release source archive terraform-provider-heroku-5.3.2.tar.gz " +
        "there, or set HEROKU_FLOW_PROVIDER_SOURCES to its folder",
    ]);
    expect(stdout).toBe("");
    expect(code).toBe(1);
    expect(contents(dirs.cache)).toEqual([]);
    expect(leftInTmp()).toEqual([]);
  });

  it("no Go on PATH", () => {
    // PATH holds node alone (tsx starts with `#!/usr/bin/env node`): no go.
    const bin = path.join(scratch, "bin");
    fs.mkdirSync(bin);
    fs.symlinkSync(process.execPath, path.join(bin, "node"));
    makeArchive("heroku", brokenModule("heroku"));
    const { code, stdout, stderrLines } = runMain(["--provider", "heroku", "--build-only"], { PATH: bin });
    expect(stderrLines).toEqual([
      'acceptance: step "go" failed: Go is not on PATH; it builds the providers\' acceptance-test binaries; ' +
        "what to do: install Go >= 1.24 (https://go.dev/doc/install) and run again",
    ]);
    expect(stdout).toBe("");
    expect(code).toBe(1);
    expect(contents(dirs.cache)).toEqual([]);
    expect(leftInTmp()).toEqual([]);
  });

  it("a test binary that does not build: no cache entry, no scratch build folder", () => {
    makeArchive("heroku", brokenModule("heroku"));
    const { code, stdout, stderrLines } = runMain(["--provider", "heroku", "--build-only"]);
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toMatch(
      /^acceptance: step "heroku build" failed: go test -c .* \.\/heroku failed: .*undefined: notDefined.*; what to do: check that Go >= 1\.24 is on PATH/,
    );
    expect(stdout).toBe("");
    expect(code).toBe(1);
    // The acceptance cache holds nothing: neither the archive's entry nor the `.build-*` folder it was built in.
    const cache = acceptanceCacheDir({ HEROKU_FLOW_CACHE_DIR: dirs.cache });
    expect(contents(cache)).toEqual([]);
    expect(leftInTmp()).toEqual([]);
  });

  it("a test binary that does not build, in this process: a StepFailure, and the cache still empty", () => {
    makeArchive("heroku", brokenModule("heroku"));
    const archive = locateArchive("heroku", selection.heroku.version, dirs.sources);
    let failure: unknown;
    try {
      buildAcceptanceTests(archive, ["heroku"], [], dirs.cache);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(StepFailure);
    expect((failure as StepFailure).step).toBe("heroku build");
    expect(contents(dirs.cache)).toEqual([]);
  });

  it("an archive that does not extract into its tree: the archive's step, and the cache still empty", () => {
    // The right file name, the wrong content: a tree of another name.
    const archive = path.join(dirs.sources, "terraform-provider-heroku-5.3.2.tar.gz");
    fs.mkdirSync(path.join(dirs.work, "something-else"));
    fs.writeFileSync(path.join(dirs.work, "something-else", "go.mod"), "module x\n");
    spawnSync("tar", ["-czf", archive, "-C", dirs.work, "something-else"]);
    let failure: unknown;
    try {
      buildAcceptanceTests(locateArchive("heroku", "5.3.2", dirs.sources), ["heroku"], [], dirs.cache);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(StepFailure);
    expect((failure as StepFailure).line()).toMatch(
      /^acceptance: step "heroku archive" failed: terraform-provider-heroku-5\.3\.2\.tar\.gz did not extract into terraform-provider-heroku-5\.3\.2\/ with a go\.mod/,
    );
    expect(contents(dirs.cache)).toEqual([]);
  });

  it("a sandbox that does not start: its port is taken", async () => {
    makeArchive("gitlab", { "go.mod": "module x\n" });
    cachedBuild("gitlab", "#!/bin/sh\nexit 0\n");
    // The harness asks for an ephemeral port (0) on 127.0.0.1; a preload turns that into a port held here, so that
    // the sandbox's own listen fails as it would on a taken port.
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const taken = (holder.address() as net.AddressInfo).port;
    const preload = path.join(scratch, "take-port.cjs");
    fs.writeFileSync(
      preload,
      [
        'const net = require("node:net");',
        "const listen = net.Server.prototype.listen;",
        "net.Server.prototype.listen = function (options, ...rest) {",
        "  if (options && typeof options === 'object' && options.port === 0) {",
        `    options = { ...options, port: ${taken} };`,
        "  }",
        "  return listen.call(this, options, ...rest);",
        "};",
        "",
      ].join("\n"),
    );
    try {
      const { code, stdout, stderrLines } = runMain(["--provider", "gitlab"], {
        TERRAFORM_BINARY_NAME: "/bin/true",
        NODE_OPTIONS: `--require ${preload}`,
      });
      expect(stderrLines.filter((line) => !line.startsWith("build: gitlab"))).toEqual([
        `acceptance: step "sandbox" failed: the sandbox did not start on 127.0.0.1: listen EADDRINUSE: address already ` +
          `in use 127.0.0.1:${taken}; what to do: run \`npx tsc --noEmit -p .\` and the sandbox's tests ` +
          "(__tests__/sandbox) to find what broke it",
      ]);
      expect(stderrLines[0]).toMatch(/^build: gitlab .*: cached/);
      expect(stdout).toBe("");
      expect(code).toBe(1);
      // No scratch HOME (acceptance-home-*) or other folder left in its TMPDIR.
      expect(leftInTmp()).toEqual([]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

describe("a test that hangs", () => {
  it("is stopped at the per-test limit, reported as timed out, its whole process group gone", async () => {
    const pidFile = path.join(scratch, "pids");
    const binary = path.join(scratch, "hanging.test");
    fs.writeFileSync(binary, hangingScript(pidFile), { mode: 0o755 });
    const started = Date.now();
    const { outcome } = await runTest({
      test2json: requireGo().test2json,
      binary,
      packageName: "heroku/heroku",
      cwd: scratch,
      test: "TestAccHang",
      env: { PATH: process.env.PATH ?? "" },
      limitSeconds: 1,
    });
    expect(outcome.result).toBe("timed out");
    expect(outcome.seconds).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    const { script, sleeper, group, running } = await hangingGroupAfterwards(pidFile);
    // The group is the test's own (test2json's), not this process's; the script and its child were in it.
    expect(group).not.toBe(process.pid);
    expect([script, sleeper].every((pid) => pid > 0)).toBe(true);
    expect(running).toEqual([]);
  });

  it("through main.ts with --timeout 1: the table says timed out, the summary counts it failed, exit 1", async () => {
    const pidFile = path.join(scratch, "pids");
    makeArchive("gitlab", { "go.mod": "module x\n" });
    cachedBuild("gitlab", hangingScript(pidFile));
    const test = selection.gitlab.tests.find((entry) => entry.decision === "run")?.test as string;
    const { code, stdout, stderrLines } = runMain(["--provider", "gitlab", "--test", test, "--timeout", "1"], {
      TERRAFORM_BINARY_NAME: "/bin/true",
    });
    expect(stdout).toMatch(new RegExp(`^${test}\\s+timed out\\s+1\\.\\d\\s+none refused$`, "m"));
    expect(stdout).toMatch(/^gitlab: 0 passed, 1 failed, 0 skipped$/m);
    expect(stderrLines).toContainEqual(expect.stringMatching(new RegExp(`^\\[1/1\\] ${test}: timed out`)));
    expect(code).toBe(1);
    // The "test binary" and its child were in the test's process group, killed with it.
    expect((await hangingGroupAfterwards(pidFile)).running).toEqual([]);
    // Its scratch HOME is gone.
    expect(leftInTmp()).toEqual([]);
  });
});
