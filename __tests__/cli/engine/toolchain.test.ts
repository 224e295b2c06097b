/**
 * The offline toolchain's use (`cli/engine/toolchain.ts`): where its cache is, which mode a command runs in, and when
 * the script `cli/toolchain.sh` runs again rather than its recorded verdict being reused. The script is a stand-in in a
 * stand-in package (`prepareToolchain(env, root)`): it notes each run and prints the exports it is given, so these
 * tests see exactly when it runs, with which arguments and environment, and what a failure leaves behind (no verdict).
 * The real script is exercised by `__tests__/cli/toolchain-mode.test.ts` and the toolchain's own tests.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { prepareToolchain, toolchainCacheDir, toolchainEnv, toolchainMode } from "../../../cli/engine/toolchain";

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** The stand-in `cli/toolchain.sh`: notes its run, fails with `exit-code` when present, else prints `exports`. */
const SCRIPT = `here=$(cd "$(dirname "$0")/.." && pwd)
echo "$* progress=$HEROKU_FLOW_TOOLCHAIN_PROGRESS cache=$HEROKU_FLOW_CACHE_DIR stderr=$(readlink /proc/$$/fd/2)" >> "$here/runs.log"
if [ -f "$here/exit-code" ]; then exit "$(cat "$here/exit-code")"; fi
mkdir -p "$HEROKU_FLOW_CACHE_DIR"
cat "$here/exports" > "$HEROKU_FLOW_CACHE_DIR/toolchain.env"
cat "$here/exports"
`;

/** The files of the package the verdict depends on besides the script (see readinessKey). */
const VERSION_SOURCES = [
  ".gen/versions.json",
  "dist/.gen/versions.json",
  "constructs/gitlab-provider-differences.json",
  "dist/constructs/gitlab-provider-differences.json",
  "node_modules/@cdktf/provider-gitlab/package.json",
  "node_modules/@cdktf/provider-random/package.json",
];

/** A stand-in package with the script, a cache directory and the environment to run it with. */
function standIn() {
  const root = tempDir("heroku-flow-toolchain-");
  const cache = path.join(root, "cache");
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };
  write("cli/toolchain.sh", SCRIPT);
  // A checkout's sources only: the dist/ copies are absent at first.
  write(".gen/versions.json", '{"gitlab":"18.6.1"}');
  write("constructs/gitlab-provider-differences.json", "{}");
  write("node_modules/@cdktf/provider-gitlab/package.json", '{"version":"13.0.0"}');
  write("node_modules/@cdktf/provider-random/package.json", '{"version":"12.0.0"}');
  const files = {
    TF_CLI_CONFIG_FILE: path.join(root, "mirror", "terraform.rc"),
    TERRAFORM_BINARY_NAME: path.join(root, "bin", "terraform"),
    HEROKU_FLOW_PROVIDER_STATUS: path.join(root, "mirror", "status"),
  };
  for (const file of Object.values(files)) write(path.relative(root, file), "");
  write(
    "exports",
    [
      "building the providers (a minute or more)",
      ...Object.entries(files).map(([name, file]) => `export ${name}="${file}"`),
      "export HEROKU_FLOW_GITLAB_PROVIDER_VERSION=18.6.1",
      'export SPACED="two words"',
      'export EMPTY=""',
      "export BARE=",
      "  export INDENTED=1",
      "export TWO=words here",
      "",
    ].join("\n"),
  );
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HEROKU_FLOW_CACHE_DIR: cache };
  return {
    root,
    cache,
    env,
    files,
    write,
    /** The script's runs so far, as it noted them. */
    runs: (): string[] =>
      fs.existsSync(path.join(root, "runs.log"))
        ? fs.readFileSync(path.join(root, "runs.log"), "utf8").split("\n").filter(Boolean)
        : [],
  };
}

/** What the stand-in's exports parse to: `export NAME="value"` and `export NAME=value` lines only. */
function expectedExports(files: Record<string, string>): Record<string, string> {
  return { ...files, HEROKU_FLOW_GITLAB_PROVIDER_VERSION: "18.6.1", SPACED: "two words", EMPTY: "", BARE: "" };
}

describe("toolchainCacheDir", () => {
  test("HEROKU_FLOW_CACHE_DIR wins over XDG_CACHE_HOME", () => {
    expect(toolchainCacheDir({ HEROKU_FLOW_CACHE_DIR: "/c/flow", XDG_CACHE_HOME: "/xdg" })).toBe("/c/flow");
  });

  test("an empty HEROKU_FLOW_CACHE_DIR is unset: XDG_CACHE_HOME/heroku-flow-cdktf", () => {
    expect(toolchainCacheDir({ HEROKU_FLOW_CACHE_DIR: "", XDG_CACHE_HOME: "/xdg" })).toBe("/xdg/heroku-flow-cdktf");
  });

  test("neither set (or empty): ~/.cache/heroku-flow-cdktf", () => {
    const home = path.join(os.homedir(), ".cache", "heroku-flow-cdktf");
    expect(toolchainCacheDir({})).toBe(home);
    expect(toolchainCacheDir({ HEROKU_FLOW_CACHE_DIR: "", XDG_CACHE_HOME: "" })).toBe(home);
  });
});

describe("toolchainMode", () => {
  /** A cache directory with (or without) the toolchain's settings file, the sign of an earlier offline run. */
  function cache(withMirror: boolean): string {
    const dir = tempDir("heroku-flow-cache-");
    if (withMirror) fs.writeFileSync(path.join(dir, "toolchain.env"), "export TF_CLI_CONFIG_FILE=x\n");
    return dir;
  }

  test.each(["1", "true"])("HEROKU_FLOW_OFFLINE=%s: offline, even with no mirror set up", (value) => {
    expect(toolchainMode({ HEROKU_FLOW_CACHE_DIR: cache(false), HEROKU_FLOW_OFFLINE: value })).toBe("offline");
  });

  test.each(["0", "false"])("HEROKU_FLOW_OFFLINE=%s: the registry, even with a mirror set up", (value) => {
    expect(toolchainMode({ HEROKU_FLOW_CACHE_DIR: cache(true), HEROKU_FLOW_OFFLINE: value })).toBe("registry");
  });

  test.each([[undefined], [""]])(
    "HEROKU_FLOW_OFFLINE %j: the mirror when one was set up, else the registry",
    (value) => {
      expect(toolchainMode({ HEROKU_FLOW_CACHE_DIR: cache(true), HEROKU_FLOW_OFFLINE: value })).toBe("offline");
      expect(toolchainMode({ HEROKU_FLOW_CACHE_DIR: cache(false), HEROKU_FLOW_OFFLINE: value })).toBe("registry");
    },
  );

  test.each(["yes", "TRUE", "2"])("HEROKU_FLOW_OFFLINE=%s is refused, naming the value and the choices", (value) => {
    expect(() => toolchainMode({ HEROKU_FLOW_CACHE_DIR: cache(true), HEROKU_FLOW_OFFLINE: value })).toThrow(
      new Error(`HEROKU_FLOW_OFFLINE: "${value}" must be 1 or 0 (true or false)`),
    );
  });
});

describe("toolchainEnv", () => {
  test("registry mode: no settings, and the script does not run", () => {
    const { root, env, runs } = standIn();
    expect(toolchainEnv({ ...env, HEROKU_FLOW_OFFLINE: "0" }, root)).toEqual({});
    expect(runs()).toEqual([]);
  });

  test("offline mode: the script's exports", () => {
    const { root, env, files, runs } = standIn();
    expect(toolchainEnv({ ...env, HEROKU_FLOW_OFFLINE: "1" }, root)).toEqual(expectedExports(files));
    expect(runs()).toHaveLength(1);
  });
});

describe("prepareToolchain", () => {
  test("a first run: `bash toolchain.sh --env` with progress on, on this stderr; its exports parsed, its verdict recorded", () => {
    const { root, cache, env, files, runs } = standIn();
    expect(prepareToolchain(env, root)).toEqual(expectedExports(files));
    // Its progress goes straight to this process's stderr: a first build takes minutes and must not sit silent.
    expect(runs()).toEqual([`--env progress=1 cache=${cache} stderr=${fs.readlinkSync("/proc/self/fd/2")}`]);
    expect(fs.readFileSync(path.join(cache, "toolchain.verified"), "utf8")).toMatch(/^[0-9a-f]{64}$/);
  });

  test("nothing changed: the recorded verdict is reused, the same exports returned, the script not run", () => {
    const { root, env, files, runs } = standIn();
    prepareToolchain(env, root);
    expect(prepareToolchain({ ...env }, root)).toEqual(expectedExports(files));
    expect(prepareToolchain({ ...env, HEROKU_FLOW_OFFLINE: "1" }, root)).toEqual(expectedExports(files));
    expect(runs()).toHaveLength(1);
  });

  test.each(["TF_CLI_CONFIG_FILE", "TERRAFORM_BINARY_NAME", "HEROKU_FLOW_PROVIDER_STATUS"] as const)(
    "an exported file gone (%s): the script runs again",
    (name) => {
      const stand = standIn();
      prepareToolchain(stand.env, stand.root);
      fs.rmSync(stand.files[name]);
      prepareToolchain(stand.env, stand.root);
      expect(stand.runs()).toHaveLength(2);
    },
  );

  test("the script changed: it runs again", () => {
    const { root, env, write, runs } = standIn();
    prepareToolchain(env, root);
    write("cli/toolchain.sh", `${SCRIPT}# a new provider version\n`);
    prepareToolchain(env, root);
    expect(runs()).toHaveLength(2);
  });

  test("what it exported changed (another run rewrote toolchain.env): it runs again", () => {
    const { root, cache, env, runs } = standIn();
    prepareToolchain(env, root);
    fs.appendFileSync(path.join(cache, "toolchain.env"), "export OTHER=1\n");
    prepareToolchain(env, root);
    expect(runs()).toHaveLength(2);
  });

  test("a verdict recorded for something else: it runs again", () => {
    const { root, cache, env, runs } = standIn();
    prepareToolchain(env, root);
    fs.writeFileSync(path.join(cache, "toolchain.verified"), "0".repeat(64));
    prepareToolchain(env, root);
    expect(runs()).toHaveLength(2);
  });

  test.each(VERSION_SOURCES)("the accepted provider versions changed (%s written): it runs again", (file) => {
    const { root, env, write, runs } = standIn();
    prepareToolchain(env, root);
    write(file, '{"version":"99.0.0"}');
    prepareToolchain(env, root);
    expect(runs()).toHaveLength(2);
  });

  test.each([
    ["PATH", `${process.env.PATH}:/elsewhere`],
    ["HEROKU_FLOW_PROVIDER_SOURCES", "/src"],
    ["GITLAB_PROVIDER_BINARY", "/bin/provider"],
    ["RANDOM_PROVIDER_VERSION", "3.6.0"],
    ["HEROKU_FLOW_PROVIDERS", "circleci"],
  ])("a setting of the script changed (%s): it runs again", (name, value) => {
    const { root, env, runs } = standIn();
    prepareToolchain(env, root);
    prepareToolchain({ ...env, [name]: value }, root);
    expect(runs()).toHaveLength(2);
  });

  test.each([
    "HEROKU_FLOW_OFFLINE",
    "MY_PATH",
    "PATH_EXTRA",
    "X_HEROKU_FLOW_PROVIDER_SOURCES",
    "GITLAB_PROVIDER_BINARY_X",
    "GITLAB_PROVIDER_SOURCES",
    "gitlab_PROVIDER_VERSION",
  ])("a variable that is no setting of the script (%s) does not make it run again", (name) => {
    const { root, env, runs } = standIn();
    prepareToolchain(env, root);
    prepareToolchain({ ...env, [name]: "1" }, root);
    expect(runs()).toHaveLength(1);
  });

  test("the same settings in another order are the same verdict", () => {
    const { root, env, runs } = standIn();
    prepareToolchain({ ...env, GITLAB_PROVIDER_BINARY: "/a", RANDOM_PROVIDER_VERSION: "1" }, root);
    prepareToolchain({ RANDOM_PROVIDER_VERSION: "1", GITLAB_PROVIDER_BINARY: "/a", ...env }, root);
    expect(runs()).toHaveLength(1);
  });

  test("the script failing: one line that points above, no verdict recorded, and the next use runs it again", () => {
    const { root, cache, env, files, write, runs } = standIn();
    write("exit-code", "3");
    expect(() => prepareToolchain(env, root)).toThrow(
      new Error("the offline Terraform toolchain is not ready (its step and what to do are printed above)"),
    );
    expect(fs.existsSync(path.join(cache, "toolchain.verified"))).toBe(false);
    fs.rmSync(path.join(root, "exit-code"));
    expect(prepareToolchain(env, root)).toEqual(expectedExports(files));
    expect(runs()).toHaveLength(2);
  });

  test("a failure after a success leaves the earlier verdict alone but is still an error", () => {
    const { root, cache, env, write } = standIn();
    prepareToolchain(env, root);
    const verdict = fs.readFileSync(path.join(cache, "toolchain.verified"), "utf8");
    write("exit-code", "1");
    expect(() => prepareToolchain({ ...env, GITLAB_PROVIDER_BINARY: "/other" }, root)).toThrow(/is not ready/);
    expect(fs.readFileSync(path.join(cache, "toolchain.verified"), "utf8")).toBe(verdict);
  });
});
