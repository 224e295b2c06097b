import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { toolchainCacheDir, toolchainEnv, toolchainMode } from "../../cli/engine/toolchain";
import { codeSource } from "../../cli/platform/heroku-api";

function cache(withToolchain: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hf-cache-"));
  if (withToolchain) fs.writeFileSync(path.join(dir, "toolchain.env"), "export TF_CLI_CONFIG_FILE=x\n");
  return dir;
}

describe("where Terraform takes the providers from", () => {
  test("a networked machine with no mirror uses the registry and builds nothing", () => {
    const env = { HEROKU_FLOW_CACHE_DIR: cache(false) };
    expect(toolchainMode(env)).toBe("registry");
    // No toolchain settings at all: terraform from PATH, providers (GitLab 18.6.1, the bindings' version) from the registry.
    expect(toolchainEnv(env)).toEqual({});
  });

  test("a mirror the toolchain set up is used", () => {
    expect(toolchainMode({ HEROKU_FLOW_CACHE_DIR: cache(true) })).toBe("offline");
  });

  test("HEROKU_FLOW_OFFLINE decides either way", () => {
    expect(toolchainMode({ HEROKU_FLOW_CACHE_DIR: cache(false), HEROKU_FLOW_OFFLINE: "1" })).toBe("offline");
    expect(toolchainMode({ HEROKU_FLOW_CACHE_DIR: cache(true), HEROKU_FLOW_OFFLINE: "0" })).toBe("registry");
    expect(() => toolchainMode({ HEROKU_FLOW_OFFLINE: "yes" })).toThrow(/HEROKU_FLOW_OFFLINE: "yes" must be 1 or 0/);
  });

  test("offline mode prepares the toolchain and hands on its settings", () => {
    const env = { ...process.env, HEROKU_FLOW_OFFLINE: "1" };
    const settings = toolchainEnv(env);
    expect(settings.TF_CLI_CONFIG_FILE).toMatch(/terraform\.rc$/);
    expect(settings.TERRAFORM_BINARY_NAME).toBeTruthy();
  });
});

describe("the offline toolchain's verdict is reused while nothing it depends on changed", () => {
  const envFile = () => path.join(toolchainCacheDir(process.env), "toolchain.env");
  // The script writes its env file anew (a rename) on every run: a new inode says it ran.
  const inode = () => fs.statSync(envFile()).ino;

  test("a second use reads the verdict without running the script; another setting runs it again", () => {
    const env = { ...process.env, HEROKU_FLOW_OFFLINE: "1" };
    const first = toolchainEnv(env);
    const before = inode();
    expect(toolchainEnv(env)).toEqual(first);
    expect(inode()).toBe(before);
    const elsewhere = { ...env, HEROKU_FLOW_PROVIDER_SOURCES: fs.mkdtempSync(path.join(os.tmpdir(), "sources-")) };
    expect(toolchainEnv(elsewhere)).toEqual(first);
    expect(inode()).not.toBe(before);
  });
});

describe("where code comes from (HEROKU_FLOW_CODE_PUSH)", () => {
  test("git by default, container or sandbox when asked, anything else refused with the choices", () => {
    expect(codeSource({})).toBe("git");
    expect(codeSource({ HEROKU_FLOW_CODE_PUSH: "container" })).toBe("container");
    expect(codeSource({ HEROKU_FLOW_CODE_PUSH: "sandbox" })).toBe("sandbox");
    expect(() => codeSource({ HEROKU_FLOW_CODE_PUSH: "docker" })).toThrow(
      /"docker" must be one of git, container, sandbox/,
    );
  });
});
