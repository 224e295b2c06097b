import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const script = path.resolve(__dirname, "..", "..", "scripts", "toolchain.sh");

function runToolchain(env: NodeJS.ProcessEnv, args: string[] = []) {
  const result = spawnSync("bash", [script, ...args], { env, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

/** A PATH holding only the named tools (and the basics), to simulate machines that lack Go or Terraform. */
function pathWith(tools: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bin-"));
  for (const tool of ["node", ...tools]) {
    const found = spawnSync("bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found) fs.symlinkSync(found, path.join(dir, tool));
  }
  return `${dir}:/usr/bin:/bin`;
}

describe("scripts/toolchain.sh", () => {
  test("a prepared toolchain is only reported ready, and its CLI config mirrors the built providers", () => {
    const first = runToolchain(process.env);
    expect(first.status).toBe(0);
    const second = runToolchain(process.env);
    expect(second.status).toBe(0);
    expect(second.output).toMatch(/heroku\/heroku 5\.3\.2 ready/);
    expect(second.output).toMatch(/hashicorp\/random 3\.7\.2 ready/);
    expect(second.output).not.toMatch(/building/);
    expect(second.output).toMatch(/export TF_CLI_CONFIG_FILE=/);

    const env = runToolchain(process.env, ["--env"]);
    const configFile = /TF_CLI_CONFIG_FILE="([^"]+)"/.exec(env.stdout)?.[1];
    expect(configFile).toBeDefined();
    const config = fs.readFileSync(configFile!, "utf8");
    expect(config).toMatch(/filesystem_mirror/);
    expect(config).toMatch(/"registry\.terraform\.io\/heroku\/heroku"/);
    expect(config).toMatch(/"registry\.terraform\.io\/hashicorp\/random"/);
  });

  test("without Go or Terraform it stops at the terraform step and says what to do", () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "toolchain-"));
    const result = runToolchain({ HOME: os.tmpdir(), PATH: pathWith([]), HEROKU_FLOW_CACHE_DIR: cache });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAILED at step "terraform"/);
    expect(result.output).toMatch(/Go is not on PATH/);
    expect(fs.existsSync(path.join(cache, "terraform.rc"))).toBe(false);
  });

  test("a provider it cannot build leaves nothing in the mirror that a later run would take as ready", () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "toolchain-"));
    const env = { HOME: os.tmpdir(), PATH: pathWith(["terraform"]), HEROKU_FLOW_CACHE_DIR: cache };
    const result = runToolchain({ ...env, HEROKU_PROVIDER_BINARY: path.join(cache, "no-such-binary") });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAILED at step "heroku provider"/);
    expect(result.output).toMatch(/HEROKU_PROVIDER_BINARY=.*no-such-binary is not an executable file/);
    expect(fs.existsSync(path.join(cache, "mirror", "registry.terraform.io", "heroku"))).toBe(false);
    expect(fs.existsSync(path.join(cache, "toolchain.env"))).toBe(false);
    expect(fs.readdirSync(cache).filter((entry) => entry.startsWith(".work"))).toEqual([]);

    const withoutGo = runToolchain(env);
    expect(withoutGo.status).toBe(1);
    expect(withoutGo.output).toMatch(/FAILED at step "heroku provider": it could not be built/);
    expect(withoutGo.output).toMatch(/what to do: build terraform-provider-heroku from its v5\.3\.2 source/);
  });
});
