/**
 * Fake `docker` and `git` for the code-release tests: shell scripts in a temporary `bin` directory that the code under
 * test finds through the `PATH` of the environment it is given. Each call is logged as one line `<argv>|<stdin>` in
 * `$FAKE_TOOLS_LOG/<tool>`, and where its stdout went (on Linux, what `/proc/<pid>/fd/1` links to) as one line in
 * `$FAKE_TOOLS_LOG/<tool>.stdout`; small variables make a step fail, so the tests reach every failure path without
 * Docker, a registry or Heroku's git endpoint.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * `FAKE_DOCKER_FAIL=<command>` fails that command (exit `FAKE_DOCKER_EXIT`, default 1) echoing its stdin to stderr, as
 * a careless tool might echo a password (`FAKE_DOCKER_SILENT=1`: nothing on stderr). `inspect` prints the image id
 * `sha256:<last path part of its target>` padded with blanks, or only blanks with `FAKE_DOCKER_NO_ID=1`.
 */
const FAKE_DOCKER = `#!/bin/sh
input=$(cat)
printf '%s|%s\\n' "$*" "$input" >> "$FAKE_TOOLS_LOG/docker"
printf '%s\\n' "$(readlink /proc/$$/fd/1 2>/dev/null)" >> "$FAKE_TOOLS_LOG/docker.stdout"
if [ "$1" = "$FAKE_DOCKER_FAIL" ]; then
  [ -z "$FAKE_DOCKER_SILENT" ] && echo "  Error response from daemon: refused $input  " >&2
  exit "\${FAKE_DOCKER_EXIT:-1}"
fi
if [ "$1" = inspect ]; then
  if [ -n "$FAKE_DOCKER_NO_ID" ]; then echo "   "; else echo "  sha256:$(basename "$3")  "; fi
fi
exit 0
`;

/**
 * `FAKE_GIT_EXIT=<code>` fails the call with that code, printing on stderr the URL it was given (as git does in some
 * of its messages, credentials included), unless `FAKE_GIT_SILENT=1`.
 */
const FAKE_GIT = `#!/bin/sh
printf '%s|\\n' "$*" >> "$FAKE_TOOLS_LOG/git"
printf '%s\\n' "$(readlink /proc/$$/fd/1 2>/dev/null)" >> "$FAKE_TOOLS_LOG/git.stdout"
if [ -n "$FAKE_GIT_EXIT" ]; then
  [ -z "$FAKE_GIT_SILENT" ] && echo "fatal: unable to access '$3': The requested URL returned error: 403" >&2
  exit "$FAKE_GIT_EXIT"
fi
exit 0
`;

export interface FakeTools {
  /** An environment with the fakes first on PATH and a fresh log directory, plus `overrides`. */
  env(overrides?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** The calls of `tool` logged by the environment `env` made, as `<argv>|<stdin>` lines. */
  calls(env: NodeJS.ProcessEnv, tool: "docker" | "git"): string[];
  /**
   * Per call of `tool`, whether its stdout was this process's own (inherited: what it prints shows in the job's log)
   * rather than a pipe the caller reads; undefined where `/proc` cannot tell (not Linux).
   */
  stdoutInherited(env: NodeJS.ProcessEnv, tool: "docker" | "git"): boolean[] | undefined;
  /** Removes the directory (a test file's `afterAll`). */
  remove(): void;
}

/** Writes the fakes into a fresh temporary directory. */
export function fakeTools(): FakeTools {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flow-fake-tools-"));
  const bin = path.join(root, "bin");
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, "docker"), FAKE_DOCKER, { mode: 0o755 });
  fs.writeFileSync(path.join(bin, "git"), FAKE_GIT, { mode: 0o755 });
  return {
    env: (overrides = {}) => ({
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      FAKE_TOOLS_LOG: fs.mkdtempSync(path.join(root, "log-")),
      ...overrides,
    }),
    calls: (env, tool) => {
      const file = path.join(env.FAKE_TOOLS_LOG ?? "", tool);
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
    },
    stdoutInherited: (env, tool) => {
      const own = "/proc/self/fd/1";
      if (!fs.existsSync(own)) return undefined;
      const target = fs.readlinkSync(own);
      const file = path.join(env.FAKE_TOOLS_LOG ?? "", `${tool}.stdout`);
      return fs
        .readFileSync(file, "utf8")
        .split("\n")
        .slice(0, -1)
        .map((line) => line === target);
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
